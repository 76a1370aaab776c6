package dossier.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?utf-8?B?...?=}) leniently. Adjacent words in the same charset are decoded
 * as one byte run, so a multi-byte character split across two words survives (common in CJK subjects); unknown
 * charsets go through {@link Charsets}' detection instead of being left encoded. Stateless and thread-safe.
 */
final class EncodedWords {
    private EncodedWords() {}

    // Lenient: data may hold spaces (broken mailers), charset may carry an RFC 2231 language (*en).
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");

    /** The text with every encoded word decoded; text without "=?" is returned as it is. */
    static String decode(String text) {
        if (text == null) return "";
        if (!text.contains("=?")) return text;
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        String runCharset = null;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = runCharset != null && between.isBlank();
            String charset = m.group(1);
            int star = charset.indexOf('*');
            if (star >= 0) charset = charset.substring(0, star);
            charset = charset.toLowerCase(Locale.ROOT);
            if (!adjacent || !charset.equals(runCharset)) {
                flush(out, run, runCharset);
                runCharset = null;
                if (!adjacent) out.append(between); // whitespace between encoded words is dropped (RFC 2047 6.2)
            }
            runCharset = charset;
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : quoted(m.group(3));
            run.write(bytes, 0, bytes.length);
            last = m.end();
        }
        flush(out, run, runCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run, String charset) {
        if (charset == null || run.size() == 0) return;
        byte[] b = run.toByteArray();
        Charset cs = Charsets.lookup(charset);
        out.append(Charsets.decode(b, 0, b.length, cs));
        run.reset();
    }

    /** Q encoding: "_" is a space, "=XX" a byte, anything else itself; a broken escape stays literal. */
    static byte[] quoted(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c > 0xff ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    /** Base64 that skips stray characters and tolerates missing or misplaced padding. */
    static byte[] base64(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4 + 1);
        int acc = 0, bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = b64(s.charAt(i));
            if (v < 0) continue;
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int b64(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }
}
