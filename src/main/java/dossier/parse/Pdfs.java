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

    /** Whether a PDF lacks the {@code %%EOF} marker in its last kilobyte: it was cut before its end. */
    static boolean truncated(byte[] pdf) {
        int from = Math.max(0, pdf.length - TAIL);
        outer:
        for (int i = pdf.length - EOF_MARKER.length; i >= from; i--) {
            for (int j = 0; j < EOF_MARKER.length; j++) if (pdf[i + j] != EOF_MARKER[j]) continue outer;
            return false;
        }
        return true;
    }
}
