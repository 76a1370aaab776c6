package dossier.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value: its lower-case type and its parameters, with RFC 2231 continuations
 * and charsets ({@code filename*0*=utf-8''%E2%82%AC}) joined and decoded, and RFC 2047 words in plain values decoded
 * too (mailers do that though the RFC forbids it). Immutable.
 */
record Params(String type, Map<String, String> params) {

    static final Params NONE = new Params("", Map.of());

    /** The parameter's decoded value, or null. */
    String get(String name) {
        return params.get(name);
    }

    /** Parses a header value leniently: unbalanced quotes and junk between parameters are tolerated. */
    static Params parse(String value) {
        if (value == null || value.isBlank()) return NONE;
        var parts = split(value);
        String type = parts.isEmpty() ? "" : parts.get(0).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new HashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new HashMap<>(); // name -> section -> {value, encoded?}
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            if (eq <= 0) continue;
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String val = unquote(p.substring(eq + 1).strip());
            int star = key.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(key, val);
                continue;
            }
            String base = key.substring(0, star);
            String rest = key.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String num = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section;
            try {
                section = num.isEmpty() ? 0 : Integer.parseInt(num);
            } catch (NumberFormatException e) {
                continue;
            }
            extended.computeIfAbsent(base, k -> new TreeMap<>()).put(section, new String[] {val, encoded ? "1" : ""});
        }
        Map<String, String> out = new HashMap<>();
        plain.forEach((k, v) -> out.put(k, EncodedWords.decode(v)));
        extended.forEach((k, sections) -> out.put(k, join(sections))); // RFC 2231 wins over a plain fallback
        return new Params(type, Map.copyOf(out));
    }

    private static String join(TreeMap<Integer, String[]> sections) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] s : sections.values()) {
            String v = s[0];
            boolean encoded = !s[1].isEmpty();
            if (first && encoded) {
                int q1 = v.indexOf('\''), q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = v.substring(0, q1);
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            byte[] b = encoded ? percentDecode(v) : v.getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
        }
        byte[] all = bytes.toByteArray();
        return EncodedWords.decode(Charsets.decode(all, 0, all.length, Charsets.lookup(charset)));
    }

    private static byte[] percentDecode(String v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0
                    && Character.digit(v.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(v.charAt(i + 1), 16) * 16 + Character.digit(v.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    /** Splits on ";" outside double quotes. */
    private static java.util.List<String> split(String value) {
        var parts = new java.util.ArrayList<String>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                cur.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            if (c == ';' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        else if (v.startsWith("\"")) v = v.substring(1);
        if (v.indexOf('\\') < 0) return v;
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            // Windows paths in filenames ("C:\temp\a.doc") are kept: only escaped quotes and backslashes are unescaped.
            if (c == '\\' && i + 1 < v.length() && (v.charAt(i + 1) == '"' || v.charAt(i + 1) == '\\')) c = v.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }
}
