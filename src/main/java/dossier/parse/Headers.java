package dossier.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * The header fields of one entity in order, each value unfolded and decoded from its raw bytes (UTF-8 when valid,
 * else windows-1252) but not yet RFC 2047 decoded. Names compare case-insensitively. Not thread-safe while built.
 */
final class Headers {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Adds a field that mime4j read, decoding its raw bytes so 8-bit header text is not lost. */
    void add(Field field) {
        ByteSequence raw = field.getRaw();
        String value;
        if (raw == null) {
            value = field.getBody();
        } else {
            byte[] b = raw.toByteArray();
            String line = Charsets.lossless(b, 0, b.length);
            int colon = line.indexOf(':');
            value = colon < 0 ? "" : line.substring(colon + 1);
        }
        add(field.getName(), value);
    }

    void add(String name, String value) {
        names.add(name.strip());
        values.add(unfold(value));
    }

    /** The first value of the field, or null. */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return values.get(i);
        return null;
    }

    /** Every value of the field, in order. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) out.add(values.get(i));
        return out;
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
