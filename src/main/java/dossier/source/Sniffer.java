package dossier.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Decides what a file or entry is from its path and first bytes. Magic bytes win over names (a zip is a zip whatever
 * it is called); names win over guesses from text (a {@code .mbox} is split even if its first line is damaged).
 * Stateless.
 */
final class Sniffer {
    /** What a file is, as far as the sources stage cares. */
    enum Format { ZIP, MBOX, PST, TAR, SEVEN_Z, GZIP, BZIP2, XZ, EMAIL, FILE }

    /** Enough for any From_ line and the first header fields of a message. */
    static final int HEAD_BYTES = 8192;

    /** Header fields that only mail has; one of them must appear before we call text a message. */
    private static final Set<String> MAIL_FIELDS = Set.of("from", "date", "subject", "message-id", "received",
            "return-path", "to", "delivered-to", "mime-version", "content-type");

    /** Zips that are documents (Office, OpenDocument, iWork, EPUB, XPS, Java archives): parsed whole, not unpacked. */
    private static final Set<String> PACKAGE_EXTENSIONS = Set.of("docx", "docm", "dotx", "dotm", "xlsx", "xlsm",
            "xltx", "xltm", "xlsb", "pptx", "pptm", "potx", "ppsx", "ppsm", "vsdx", "vsdm", "odt", "ods", "odp", "odg",
            "odf", "ott", "ots", "otp", "epub", "pages", "numbers", "key", "xps", "oxps", "jar", "war", "ear", "apk");

    /** A field name, then optional white space (obsolete syntax, still written), then a colon. */
    private static final Pattern FIELD = Pattern.compile("([\\x21-\\x39\\x3B-\\x7E]+)[ \\t]*:.*", Pattern.DOTALL);

    private Sniffer() {}

    /** The format of the thing at {@code path} (display or entry path, '/'-separated) starting with {@code head}. */
    static Format detect(String path, byte[] head) {
        String name = lastSegment(path).toLowerCase(Locale.ROOT);
        if (isZip(head)) return PACKAGE_EXTENSIONS.contains(extension(name)) ? Format.FILE : Format.ZIP;
        if (isPst(head)) return Format.PST;
        Format packed = packed(head, name);
        if (packed != null) return packed;
        if (name.endsWith(".mbox") || name.endsWith(".mbx") || name.endsWith(".mbs")) return Format.MBOX;
        if (name.endsWith(".eml")) return Format.EMAIL;
        if (startsLikeMbox(head)) return Format.MBOX;
        // A folder called new/ or cur/ is common outside maildirs: the folder is a hint the first line must confirm.
        Fields fields = Fields.at(head, bomLength(head));
        if (inMaildir(path) && fields.count() >= 1) return Format.EMAIL;
        return fields.mail() ? Format.EMAIL : Format.FILE;
    }

    /** Local file header, or the end record an empty zip consists of. */
    static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6));
    }

    /** Archives and compressed streams by their magic bytes; a tar also by name (old tars have no magic). */
    private static Format packed(byte[] h, String name) {
        if (startsWith(h, 0x1f, 0x8b)) return Format.GZIP;
        if (startsWith(h, 'B', 'Z', 'h') && h.length > 3 && h[3] >= '1' && h[3] <= '9') return Format.BZIP2;
        if (startsWith(h, 0xfd, '7', 'z', 'X', 'Z', 0)) return Format.XZ;
        if (startsWith(h, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) return Format.SEVEN_Z;
        if (TarArchiveInputStream.matches(h, h.length) || (name.endsWith(".tar") && h.length >= 512)) return Format.TAR;
        return null;
    }

    private static boolean startsWith(byte[] h, int... magic) {
        if (h.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((h[i] & 0xff) != magic[i]) return false;
        return true;
    }

    /** Outlook's personal folders file (.pst, and .ost, its offline twin): "!BDN". */
    static boolean isPst(byte[] h) {
        return h.length >= 4 && h[0] == '!' && h[1] == 'B' && h[2] == 'D' && h[3] == 'N';
    }

    /** Whether the file starts with an mbox envelope: a From_ line, or a damaged one that mail header fields follow. */
    static boolean startsLikeMbox(byte[] head) {
        return startsWithEnvelope(head, true);
    }

    /**
     * Whether the first line is an mbox envelope: a {@link FromLine}, or a short line starting {@code From } (damaged,
     * as in {@code From pat016}) followed by header fields: fields only mail has when {@code mailFields}, else any. A
     * file with classic Mac line ends (CR alone) is read as lines all the same.
     */
    static boolean startsWithEnvelope(byte[] head, boolean mailFields) {
        if (crLineEnds(head)) head = crToLf(head);
        int start = bomLength(head);
        int end = lineEnd(head, start);
        if (end < 0 || !FromLine.startsWithFrom(head, start)) return false;
        if (FromLine.matches(head, start, end)) return true;
        Fields fields = Fields.at(head, end);
        return end - start <= FromLine.MAX_LENGTH && (mailFields ? fields.mail() : fields.count() >= 1);
    }

    /** Whether lines end in a CR alone (classic Mac OS): the first line ending in the head is a CR without LF. */
    static boolean crLineEnds(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') return false;
            if (head[i] == '\r') return i + 1 < head.length && head[i + 1] != '\n';
        }
        return false;
    }

    private static byte[] crToLf(byte[] b) {
        byte[] copy = b.clone();
        for (int i = 0; i < copy.length; i++) if (copy[i] == '\r') copy[i] = '\n';
        return copy;
    }

    /** Length of a UTF-8 byte order mark at the start, which some exporters write before the first From_ line. */
    static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** The file name: the last '/'-separated segment. */
    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Whether the file sits directly in a maildir {@code cur/}, {@code new/} or {@code tmp/} folder. */
    static boolean inMaildir(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) return false;
        String parent = lastSegment(path.substring(0, slash));
        return parent.equals("cur") || parent.equals("new") || parent.equals("tmp");
    }

    /**
     * The header fields opening the text at {@code from}, up to a blank line or a line that is not a field.
     *
     * @param count how many fields
     * @param mail  whether that looks like a message: two fields or more, one of them a field only mail has
     */
    private record Fields(int count, boolean mail) {
        static Fields at(byte[] b, int from) {
            int count = 0;
            boolean mailField = false;
            for (int i = from, end; (end = lineEnd(b, i)) >= 0; i = end) {
                String line = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
                if (line.isBlank()) break;
                var m = FIELD.matcher(line);
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    if (count == 0) break;
                } else if (m.matches()) {
                    count++;
                    mailField |= MAIL_FIELDS.contains(m.group(1).toLowerCase(Locale.ROOT));
                } else {
                    break;
                }
            }
            return new Fields(count, count >= 2 && mailField);
        }
    }

    /** End (exclusive, after the '\n') of the complete line starting at {@code i}, or -1 if none is complete. */
    private static int lineEnd(byte[] b, int i) {
        for (int j = i; j < b.length; j++) if (b[j] == '\n') return j + 1;
        return -1;
    }
}
