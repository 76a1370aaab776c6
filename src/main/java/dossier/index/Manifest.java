package dossier.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.tsv}: one line per location, {@code id kind sha256 size source}, after a header line. A duplicate's
 * further locations are further lines with its id. Tabs, newlines and backslashes in sources are escaped as
 * {@code \t \n \\}.
 */
public final class Manifest {
    private Manifest() {}

    public static final String HEADER = "id\tkind\tsha256\tsize\tsource";

    /** One line of the manifest. */
    public record Entry(long id, String kind, String sha256, long size, String source) {
        String line() {
            return id + "\t" + kind + "\t" + sha256 + "\t" + size + "\t" + escape(source);
        }
    }

    /** Reads every entry, in file order. */
    public static List<Entry> read(Path file) throws IOException {
        if (!Files.exists(file)) return new ArrayList<>();
        return read(Files.newInputStream(file));
    }

    private static List<Entry> read(InputStream in) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.equals(HEADER)) continue;
                String[] f = line.split("\t", 5);
                if (f.length < 5) continue;
                out.add(new Entry(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), unescape(f[4])));
            }
        }
        return out;
    }

    /** Locations of every item found more than once, by id. */
    public static Map<Long, List<String>> duplicates(Path file) throws IOException {
        return duplicates(read(file));
    }

    /** Locations of every item found more than once, as far as the archive's last commit goes. */
    public static Map<Long, List<String>> duplicates(Archive archive) throws IOException {
        if (!Files.exists(archive.manifest())) return new HashMap<>();
        return duplicates(read(archive.openCommitted(archive.manifest())));
    }

    private static Map<Long, List<String>> duplicates(List<Entry> entries) {
        Map<Long, List<String>> all = new HashMap<>();
        for (Entry e : entries) all.computeIfAbsent(e.id(), k -> new ArrayList<>(1)).add(e.source());
        all.values().removeIf(l -> l.size() < 2);
        return all;
    }

    static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) { case 't' -> '\t'; case 'n' -> '\n'; case 'r' -> '\r'; default -> n; });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
