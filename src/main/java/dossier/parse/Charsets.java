package dossier.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns bytes into text without ever giving up: the declared charset when it fits the bytes, else a detected one,
 * else a lossless fallback (UTF-8 if the bytes are valid UTF-8, else windows-1252). Stateless and thread-safe.
 */
final class Charsets {
    private Charsets() {}

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels that mailers write but the JDK does not know, or knows as a narrower charset than the one meant. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GBK"), // mailers write gb2312 for GBK text
            Map.entry("x-gbk", "GBK"),
            Map.entry("cp936", "GBK"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"), // windows-949 is a superset in practice
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("shift-jis", "Shift_JIS"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("x-unknown", ""),
            Map.entry("unknown-8bit", ""),
            Map.entry("default", ""),
            Map.entry("utf8", "UTF-8"),
            Map.entry("x-user-defined", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"), // what every mailer that says latin-1 really writes
            Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"));

    /** Labels of UTF-7, which the JDK does not have: {@link Utf7} reads it. */
    private static final java.util.Set<String> UTF_7_LABELS = java.util.Set.of("utf-7", "utf7", "unicode-1-1-utf-7",
            "csunicode11utf7", "x-unicode-2-0-utf-7");

    /**
     * Labels looked up so far, known or not. The JDK caches the charsets it finds but not the names it does not know:
     * each unknown name made it load every charset provider again (some 1.5 ms), so a header of 20,000 encoded words
     * in made-up charsets took 32 s to read. At most {@value #LABELS_KEPT} are kept, since a dump chooses them.
     */
    private static final Map<String, Optional<Charset>> LABELS = new ConcurrentHashMap<>();
    private static final int LABELS_KEPT = 4096;

    /** The charset a label names, leniently (case, quotes, common aliases), or null for none, unknown or invalid. */
    static Charset lookup(String label) {
        if (label == null) return null;
        String l = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (l.isEmpty()) return null;
        Optional<Charset> known = LABELS.get(l);
        if (known != null) return known.orElse(null);
        Charset c = find(l);
        if (LABELS.size() < LABELS_KEPT) LABELS.put(l, Optional.ofNullable(c));
        return c;
    }

    private static Charset find(String label) {
        if (UTF_7_LABELS.contains(label)) return Utf7.INSTANCE;
        String alias = ALIASES.get(label);
        if (alias != null) return alias.isEmpty() ? null : Charset.forName(alias);
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (IllegalArgumentException e) { // IllegalCharsetNameException included
            return null;
        }
    }

    /**
     * The charset a label names, if raw 8-bit header text could be written in it: not UTF-7, UTF-16 or UTF-32, in
     * which such bytes are never text.
     */
    static Charset forRawHeaders(String label) {
        Charset cs = lookup(label);
        if (cs == null || cs instanceof Utf7) return null;
        String n = cs.name();
        return n.startsWith("UTF-16") || n.startsWith("UTF-32") ? null : cs;
    }

    /** Decodes a part's content with its declared charset label (may be null), checked against the bytes. */
    static String decode(byte[] bytes, String declared) {
        return decode(bytes, 0, bytes.length, lookup(declared));
    }

    static String decode(byte[] b, int off, int len, Charset declared) {
        if (len == 0) return "";
        boolean ascii = isAscii(b, off, len);
        if (declared instanceof Utf7) {
            String text = Utf7.strict(b, off, len);
            return text != null ? text : decode(b, off, len, null); // not UTF-7 after all: as if undeclared
        }
        if (declared != null && !isAsciiCompatibleLatin(declared)) {
            // UTF-8 declared but invalid: mostly-valid UTF-8 with a few bad bytes stays UTF-8, else it was 8-bit Latin.
            if (declared.equals(StandardCharsets.UTF_8) && !ascii && !isValidUtf8(b, off, len)) {
                return hasUtf8Sequences(b, off, len)
                        ? new String(b, off, len, StandardCharsets.UTF_8)
                        : new String(b, off, len, WINDOWS_1252);
            }
            if (declared.name().startsWith("UTF-16")) return utf16(b, off, len, declared);
            if (declared.name().startsWith("UTF-32")) return utf32(b, off, len, declared);
            return new String(b, off, len, declared);
        }
        if (ascii) {
            if (declared == null && indexOf(b, off, len, (byte) 0x1b) >= 0) return detect(b, off, len); // ISO-2022-*
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        // Latin-1/ASCII declared or nothing declared, and 8-bit bytes: UTF-8 when valid (a common mislabel), else guess.
        if (isValidUtf8(b, off, len)) return new String(b, off, len, StandardCharsets.UTF_8);
        if (declared != null) return new String(b, off, len, declared);
        return detect(b, off, len);
    }

    /**
     * Bytes declared UTF-16 as text: in the declared byte order, else the byte order mark's, else (plain UTF-16 without
     * a mark) the order the bytes show; as if undeclared when they cannot be UTF-16 at all.
     */
    private static String utf16(byte[] b, int off, int len, Charset declared) {
        boolean littleEndian = declared.name().endsWith("LE");
        if (declared.name().equals("UTF-16") && !hasUtf16Bom(b, off, len) && littleEndianUnmarked(b, off, len)) {
            declared = StandardCharsets.UTF_16LE;
            littleEndian = true;
        }
        if (!looksLikeUtf16(b, off, len, littleEndian)) return decode(b, off, len, null); // 8-bit text declared UTF-16
        return new String(b, off, len, declared);
    }

    private static boolean hasUtf16Bom(byte[] b, int off, int len) {
        return len >= 2 && ((b[off] & 0xff) == 0xfe && (b[off + 1] & 0xff) == 0xff
                || (b[off] & 0xff) == 0xff && (b[off + 1] & 0xff) == 0xfe);
    }

    /**
     * Whether UTF-16 without a byte order mark is little-endian, as Windows writes it, though RFC 2781 (and the JDK)
     * read it big-endian. Each order scores the code units it gives: two for ASCII (whose zero byte comes second in
     * little-endian), kana, CJK punctuation and each half of a surrogate pair; one for a letter of another common
     * script (Latin to Arabic, Indic, Thai, CJK ideographs, Hangul, full-width forms) or general punctuation; one more
     * for a unit in the same block of 256 as the one before, as the letters of an alphabet are. Read in the wrong
     * order "Hi" gives 䠀椀 and 中文 gives ⴭ蝥, which score less. Big-endian wins a tie; a few CJK or Hangul
     * characters alone, with no ASCII, can still be read in the wrong order.
     */
    static boolean littleEndianUnmarked(byte[] b, int off, int len) {
        int little = 0, big = 0;
        for (int i = off, end = off + len - 1; i < end; i += 2) {
            little += textScore(b, i, end, true) + (i > off && b[i + 1] == b[i - 1] ? 1 : 0);
            big += textScore(b, i, end, false) + (i > off && b[i] == b[i - 2] ? 1 : 0);
        }
        return little > big;
    }

    private static int textScore(byte[] b, int i, int end, boolean littleEndian) {
        char u = unit(b, i, littleEndian);
        if (u >= 0x20 && u < 0x7f || u == '\t' || u == '\n' || u == '\r') return 2;
        if (Character.isHighSurrogate(u)) {
            return i + 2 < end && Character.isLowSurrogate(unit(b, i + 2, littleEndian)) ? 4 : 0;
        }
        if (u >= 0x3000 && u < 0x3100) return 2; // of a kana text read swapped, few units land here
        return u >= 0xa0 && u < 0x800 || u >= 0x900 && u < 0xe80 || u >= 0x2000 && u < 0x20d0
                || u >= 0x4e00 && u < 0xa000 || u >= 0xac00 && u < 0xd7a4 || u >= 0xff00 && u < 0xfff0 ? 1 : 0;
    }

    /** The UTF-16 code unit at {@code i}. */
    private static char unit(byte[] b, int i, boolean littleEndian) {
        return littleEndian ? (char) ((b[i + 1] & 0xff) << 8 | b[i] & 0xff)
                : (char) ((b[i] & 0xff) << 8 | b[i + 1] & 0xff);
    }

    /**
     * Whether bytes declared UTF-16 can be UTF-16 text. Mailers declare it for 8-bit text, which then decodes as CJK
     * ideographs ("Hi there" as 䡩⁴桥牥). Real UTF-16 has a byte order mark, or zero bytes (any ASCII character, a
     * space or a line break, is one), or failing both (a line of CJK text alone) code units that text is made of.
     * Bytes without zero bytes are not UTF-16 when they are odd in number; when they are nearly all printable ASCII
     * with a space or line break among them (8-bit text; in real UTF-16 CJK about half the bytes are 0x80 or more); or
     * when more than a tenth of their units would be unassigned, private use, unpaired surrogates or Yi syllables
     * (GBK or KOI8-R text read as UTF-16 fall there).
     *
     * @param littleEndian the byte order when there is no byte order mark (UTF-16 alone means big-endian)
     */
    static boolean looksLikeUtf16(byte[] b, int off, int len, boolean littleEndian) {
        if (hasUtf16Bom(b, off, len)) return true;
        if (indexOf(b, off, len, (byte) 0) >= 0) return true;
        if (len % 2 == 1) return false;
        int printable = 0;
        boolean spaced = false;
        for (int i = off, end = off + len; i < end; i++) {
            int c = b[i];
            if (c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r') printable++;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') spaced = true;
        }
        if (spaced && printable >= len * 0.9) return false;
        int odd = 0;
        for (int i = off, end = off + len; i < end; i += 2) {
            char u = unit(b, i, littleEndian);
            if (Character.isHighSurrogate(u) && i + 3 < end && Character.isLowSurrogate(unit(b, i + 2, littleEndian))) {
                i += 2;
                continue;
            }
            int type = Character.getType(u);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || u >= 0xa000 && u < 0xa4d0) {
                odd++;
            }
        }
        return odd * 10 <= len / 2;
    }

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE"), UTF_32LE = Charset.forName("UTF-32LE");

    /**
     * Bytes declared UTF-32 as text: in the declared byte order, or for plain UTF-32 in the order in which the bytes
     * are all code points (big-endian first, as the standard says, so little-endian without a byte order mark is
     * read too); as if undeclared when they are not UTF-32 in that order or either. Mailers declare it for 8-bit and
     * UTF-8 text, whose units would be past U+10FFFF or a length not a multiple of 4: replacement characters only.
     */
    private static String utf32(byte[] b, int off, int len, Charset declared) {
        for (boolean littleEndian : new boolean[] {false, true}) {
            if (declared.name().endsWith(littleEndian ? "BE" : "LE") || !isUtf32(b, off, len, littleEndian)) continue;
            int mark = codePoint(b, off, littleEndian) == 0xfeff ? 4 : 0;
            return new String(b, off + mark, len - mark, littleEndian ? UTF_32LE : UTF_32BE);
        }
        return decode(b, off, len, null);
    }

    /** Whether the bytes are whole UTF-32 units in that order, each a code point (no surrogate, none past U+10FFFF). */
    private static boolean isUtf32(byte[] b, int off, int len, boolean littleEndian) {
        if (len % 4 != 0) return false;
        for (int i = off, end = off + len; i < end; i += 4) {
            int c = codePoint(b, i, littleEndian);
            if (c < 0 || c > 0x10ffff || c >= 0xd800 && c < 0xe000) return false;
        }
        return true;
    }

    private static int codePoint(byte[] b, int i, boolean littleEndian) {
        return littleEndian ? (b[i + 3] & 0xff) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | b[i] & 0xff
                : (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
    }

    /** Header text: UTF-8 when valid, else windows-1252, so raw 8-bit headers survive either way. */
    static String lossless(byte[] b, int off, int len) {
        if (isAscii(b, off, len)) return new String(b, off, len, StandardCharsets.ISO_8859_1);
        return isValidUtf8(b, off, len)
                ? new String(b, off, len, StandardCharsets.UTF_8)
                : new String(b, off, len, WINDOWS_1252);
    }

    private static final java.util.Set<String> LATIN_GUESSES = java.util.Set.of("ISO-8859-1", "ISO-8859-2",
            "ISO-8859-9", "windows-1250", "windows-1252", "windows-1254");

    /** Guesses the charset of undeclared 8-bit text; windows-1252 when the guess is weak or only picks among Latin ones. */
    private static String detect(byte[] b, int off, int len) {
        try {
            CharsetDetector detector = new CharsetDetector(Math.min(len, 64 * 1024));
            detector.setText(off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len));
            CharsetMatch match = detector.detect();
            // Among Latin single-byte charsets a guess on a few accented letters is noise: keep windows-1252.
            if (match != null && match.getConfidence() >= 30 && !LATIN_GUESSES.contains(match.getName())) {
                Charset cs = lookup(match.getName());
                if (cs != null) return new String(b, off, len, cs);
            }
        } catch (RuntimeException e) {
            // A detector failure must never cost the text: fall through to the lossless fallback.
        }
        return new String(b, off, len, WINDOWS_1252);
    }

    private static boolean isAsciiCompatibleLatin(Charset cs) {
        String n = cs.name();
        return n.equals("windows-1252") || n.equals("ISO-8859-1") || n.equals("US-ASCII");
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) if (b[i] < 0) return false;
        return true;
    }

    /**
     * Whether the bytes are well-formed UTF-8 as the JDK's strict decoder reads it (no overlong forms, surrogates or
     * code points past U+10FFFF). Checked by hand because the decoder reports bad bytes with an exception, and
     * 8-bit Latin mail makes that the common case: thousands of exceptions per ingest, and a decoded copy of the
     * text thrown away each time.
     */
    static boolean isValidUtf8(byte[] b, int off, int len) {
        int i = off, end = off + len;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n; // continuation bytes
            int lo = 0x80, hi = 0xbf; // allowed range of the first continuation byte
            if (c >= 0xc2 && c <= 0xdf) n = 1;
            else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                if (c == 0xe0) lo = 0xa0; // overlong
                else if (c == 0xed) hi = 0x9f; // surrogates
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                if (c == 0xf0) lo = 0x90; // overlong
                else if (c == 0xf4) hi = 0x8f; // past U+10FFFF
            } else return false;
            if (i + n >= end) return false; // truncated sequence
            int first = b[i + 1] & 0xff;
            if (first < lo || first > hi) return false;
            for (int k = 2; k <= n; k++) if ((b[i + k] & 0xc0) != 0x80) return false;
            i += n + 1;
        }
        return true;
    }

    /** True when at least one well-formed multi-byte UTF-8 sequence occurs: a sign the text is meant as UTF-8. */
    private static boolean hasUtf8Sequences(byte[] b, int off, int len) {
        int valid = 0, invalid = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x80) continue;
            int n = c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
            boolean ok = n > 0;
            for (int k = 1; ok && k <= n; k++) ok = i + k < end && (b[i + k] & 0xc0) == 0x80;
            if (ok) {
                valid++;
                i += n;
            } else {
                invalid++;
            }
        }
        return valid > invalid;
    }

    private static int indexOf(byte[] b, int off, int len, byte x) {
        for (int i = off, end = off + len; i < end; i++) if (b[i] == x) return i;
        return -1;
    }
}
