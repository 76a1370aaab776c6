package dossier.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * The header fields of one entity in order, kept as raw bytes and decoded on reading: unfolded, UTF-8 when valid,
 * else the hint charset (the message's declared body charset: raw 8-bit headers are usually written in it), else
 * windows-1252. RFC 2047 words are left for the caller. Names compare case-insensitively. Not thread-safe.
 */
final class Headers {
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private Charset hint;

    /** Adds a field that mime4j read, keeping its raw bytes so 8-bit header text is not lost. */
    void add(Field field) {
        ByteSequence raw = field.getRaw();
        byte[] b = raw == null ? field.getBody().getBytes(StandardCharsets.UTF_8) : raw.toByteArray();
        int colon = 0;
        if (raw != null) {
            while (colon < b.length && b[colon] != ':') colon++;
            colon = Math.min(colon + 1, b.length);
        }
        names.add(field.getName().strip());
        values.add(colon == 0 ? b : Arrays.copyOfRange(b, colon, b.length));
    }

    /** The charset to read raw 8-bit values in when they are not UTF-8; null for windows-1252. */
    void hint(Charset charset) {
        this.hint = charset;
    }

    /** The first value of the field, or null. */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return value(i);
        return null;
    }

    /** Every value of the field, in order. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) out.add(value(i));
        return out;
    }

    private String value(int i) {
        byte[] b = values.get(i);
        String v = Charsets.isAscii(b, 0, b.length) || Charsets.isValidUtf8(b, 0, b.length) || hint == null
                ? Charsets.lossless(b, 0, b.length)
                : new String(b, hint);
        return unfold(v);
    }

    private static String unfold(String v) {
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v.strip();
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\r' && c != '\n') out.append(c);
        }
        return out.toString().strip();
    }
}
