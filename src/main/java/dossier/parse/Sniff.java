package dossier.parse;

import dossier.model.RawInput;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Decides whether an input is a mail message: by the container's word, the file name, or its first lines. */
final class Sniff {
    private Sniff() {}

    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "cc", "subject", "date", "received",
            "return-path", "message-id", "mime-version", "delivered-to", "reply-to", "sender", "x-mailer",
            "in-reply-to", "references", "content-type", "x-from", "x-to", "envelope-to", "x-original-to");
    private static final Set<String> STRONG = Set.of("from", "received", "message-id", "date", "return-path",
            "delivered-to");
    private static final int SCAN = 8 * 1024;

    /** True for an email: hint, *.eml name, header-like first lines, or Tika's message/rfc822 for a header-less start. */
    static boolean isEmail(RawInput in) {
        return isEmail(in, () -> TextExtractor.detect(in.bytes(), in.name()));
    }

    /** {@link #isEmail(RawInput)} with Tika's type of the input, asked only when the cheaper signs say nothing. */
    static boolean isEmail(RawInput in, Supplier<String> type) {
        if (in.hint() == RawInput.Hint.EMAIL) return true;
        if (in.hint() == RawInput.Hint.ATTACHMENT || in.bytes().length == 0) return false;
        if (in.name().toLowerCase(Locale.ROOT).endsWith(".eml")) return true;
        if (looksLikeHeaders(in.bytes())) return true;
        // Tika knows a message by header names at its start: a binary start (PDF, zip, OLE2, images) is never one,
        // and its detection (hundreds of magic patterns) was most of the ingest's own time on a folder of documents.
        if (startsBinary(in.bytes()) || Ocr.mayNeedOcr(in.bytes())) return false; // the latter: PDFs and images
        return MailParser.MESSAGE.equals(type.get());
    }

    /** Whether the first bytes hold a control character no text file starts with (NUL, or below tab, or ESC...). */
    static boolean startsBinary(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 8); i++) {
            int c = b[i] & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b) || c == 0x7f) return true;
        }
        return false;
    }

    /**
     * True when the input starts with a run of "Name: value" lines, at least two of them well-known mail headers
     * and one of those a header every stored message has (From, Received, Message-ID, Date, ...).
     */
    static boolean looksLikeHeaders(byte[] b) {
        int end = Math.min(b.length, SCAN), lineStart = 0, known = 0;
        boolean strong = false;
        for (int i = 0; i <= end; i++) {
            if (i < end && b[i] != '\n') continue;
            int len = i - lineStart;
            if (len > 0 && b[i - 1] == '\r') len--;
            if (len == 0) break; // the blank line that ends a header
            byte first = b[lineStart];
            if (first == ' ' || first == '\t') {
                if (lineStart == 0) return false;
            } else if (!(lineStart == 0 && startsWith(b, 0, "From "))) {
                int colon = -1;
                for (int k = lineStart; k < lineStart + len; k++) {
                    byte c = b[k];
                    if (c == ':') {
                        colon = k;
                        break;
                    }
                    if (c <= ' ' || c >= 127) return false; // not a field name: not a header
                }
                if (colon <= lineStart) return false;
                String name = new String(b, lineStart, colon - lineStart, java.nio.charset.StandardCharsets.US_ASCII)
                        .toLowerCase(Locale.ROOT);
                if (MAIL_HEADERS.contains(name)) known++;
                strong |= STRONG.contains(name);
            }
            lineStart = i + 1;
            if (known >= 2 && strong) return true;
        }
        return known >= 2 && strong;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (b.length - at < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[at + i] != s.charAt(i)) return false;
        return true;
    }
}
