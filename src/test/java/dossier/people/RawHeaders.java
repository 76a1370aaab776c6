package dossier.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A deliberately simple header reader for corpus tests, independent of Dossier's parser: unfolds the header block of
 * a raw message and pulls bare addresses and bracketed message ids out with regular expressions.
 */
final class RawHeaders {
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'&=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    final Map<String, String> headers = new LinkedHashMap<>();
    /** The body as written, whitespace removed: copies of one email filed in several folders have equal bodies. */
    String body = "";

    static RawHeaders read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            int end2 = text.indexOf("\n\n");
            if (end < 0 || (end2 >= 0 && end2 < end)) end = end2;
            String block = end < 0 ? text : text.substring(0, end);
            RawHeaders h = new RawHeaders();
            if (end >= 0) h.body = text.substring(end).replaceAll("\\s+", "");
            String name = null;
            for (String line : block.split("\r?\n")) {
                if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                    h.headers.merge(name, " " + line.strip(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                h.headers.merge(name, value, (a, b) -> a + ", " + b);
            }
            return h;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String get(String name) {
        return headers.getOrDefault(name, "");
    }

    Set<String> addresses(String... names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            Matcher m = ADDRESS.matcher(get(n));
            while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    List<String> ids(String name) {
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(get(name));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("SOURCE.md")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
