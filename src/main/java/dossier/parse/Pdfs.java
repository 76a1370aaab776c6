package dossier.parse;

import java.nio.charset.StandardCharsets;

/**
 * What PDFBox does not report: a PDF cut short. Its lenient parser recovers what it can from a file that ends
 * mid-stream and raises no error, so a partial download or a truncated dump would pass as a complete document.
 */
final class Pdfs {
    private Pdfs() {}

    /** The problem reason for a PDF whose end is missing. */
    static final String TRUNCATED = "truncated PDF, text may be incomplete";

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /**
     * How far from the end the last {@code %%EOF} may be. Writers put at most a line end or a few padding bytes after
     * it; the specification allows readers to look within the last 1024 bytes, and so do we.
     */
    private static final int TAIL = 1024;

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether the bytes are a PDF (its header in the first kilobyte, whatever Tika calls it: an Adobe Illustrator
     * file is a PDF too) without the {@code %%EOF} marker in its last kilobyte: it was cut before its end.
     */
    static boolean truncated(byte[] bytes) {
        return find(bytes, HEADER, 0, Math.min(bytes.length, TAIL)) && !find(bytes, EOF_MARKER, bytes.length - TAIL, bytes.length);
    }

    /** Whether {@code what} occurs wholly within {@code bytes[from, to)}. */
    private static boolean find(byte[] bytes, byte[] what, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i <= to - what.length; i++) {
            for (int j = 0; j < what.length; j++) if (bytes[i + j] != what[j]) continue outer;
            return true;
        }
        return false;
    }
}
