package dossier.index;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.model.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code problems.jsonl}: one JSON object per input that was not fully processed. */
public final class Problems {
    private Problems() {}

    /** The JSON line for a problem. */
    static String line(Problem p) {
        return ItemDocuments.JSON.createObjectNode().put("path", p.path()).put("stage", p.stage())
                .put("reason", p.reason()).toString();
    }

    /**
     * Problems with the same stage and the same kind of reason, as the report groups them: {@code reason} is the
     * reason itself when every member has the same, else its {@link #pattern}.
     */
    public record Group(String stage, String reason, List<String> paths) {}

    /**
     * Groups problems by stage and kind of reason ({@link #pattern}), the largest group first (then in order of first
     * appearance). Hostile files make parsers fail with the bytes they met in the message ({@code read
     * 0x0A0A0A0A0A0A0A0A, expected 0xE11AB1A1E011CFD0}, {@code Index -3 out of bounds for length 257}): grouped by the
     * exact reason, 940 problems of one dump came in 305 groups, most of one file each.
     */
    public static List<Group> group(List<Problem> all) {
        record Open(String stage, String reason, String pattern, List<String> paths, boolean[] alike) {}
        java.util.Map<String, Open> groups = new java.util.LinkedHashMap<>();
        for (Problem p : all) {
            String pattern = pattern(p.reason());
            Open g = groups.computeIfAbsent(p.stage() + "\u0000" + pattern,
                    k -> new Open(p.stage(), p.reason(), pattern, new ArrayList<>(), new boolean[] {true}));
            g.paths().add(p.path());
            if (!g.reason().equals(p.reason())) g.alike()[0] = false;
        }
        List<Group> out = new ArrayList<>();
        for (Open g : groups.values()) out.add(new Group(g.stage(), g.alike()[0] ? g.reason() : g.pattern(), g.paths()));
        out.sort((x, y) -> Integer.compare(y.paths().size(), x.paths().size()));
        return out;
    }

    private static final Pattern HEX = Pattern.compile("\\b0[xX][0-9A-Fa-f]+\\b");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{1,200}\"");
    /** A number standing alone: not part of a name such as {@code TIKA-198}, {@code rId3} or {@code [M1.13]}. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])-?\\d++(?:\\.\\d++)?+(?!\\w)");

    /**
     * The kind of a reason: the reason with its hexadecimal literals, quoted strings and free-standing numbers put as
     * {@code 0x…}, {@code "…"} and {@code …} ({@code Index -3 out of bounds for length 257} gives {@code Index … out of
     * bounds for length …}). Each pattern runs in time linear in the reason.
     */
    public static String pattern(String reason) {
        String r = HEX.matcher(reason).replaceAll("0x…");
        r = QUOTED.matcher(r).replaceAll("\"…\"");
        return NUMBER.matcher(r).replaceAll("…");
    }

    /** How many top-level files the problems concern (a path up to its first locator). */
    public static long files(List<Problem> all) {
        return all.stream().map(p -> p.path().contains("#") ? p.path().substring(0, p.path().indexOf('#')) : p.path())
                .distinct().count();
    }

    /** The report as JSON, the same for {@code dossier problems --format json} and {@code /api/v1/problems}. */
    public static com.fasterxml.jackson.databind.node.ObjectNode json(List<Problem> all) {
        var o = ItemDocuments.JSON.createObjectNode();
        o.put("total", all.size());
        o.put("files", files(all));
        var arr = o.putArray("groups");
        for (Group g : group(all)) {
            var n = arr.addObject().put("stage", g.stage()).put("reason", g.reason()).put("count", g.paths().size());
            var paths = n.putArray("paths");
            g.paths().forEach(paths::add);
        }
        return o;
    }

    /** Reads every problem in file order; a damaged line is skipped rather than failing the whole report. */
    public static List<Problem> read(Path file) throws IOException {
        if (!Files.exists(file)) return new ArrayList<>();
        return read(Files.newInputStream(file));
    }

    /** Reads the problems the archive's last commit covers (what a reader may trust while an ingest runs). */
    public static List<Problem> read(Archive archive) throws IOException {
        if (!Files.exists(archive.problems())) return new ArrayList<>();
        return read(archive.openCommitted(archive.problems()));
    }

    private static List<Problem> read(InputStream in) throws IOException {
        List<Problem> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    JsonNode n = ItemDocuments.JSON.readTree(line);
                    out.add(new Problem(n.path("path").asText(), n.path("stage").asText(), n.path("reason").asText()));
                } catch (IOException badLine) {
                    // A line cut by a crash is rolled back on the next ingest; until then it is not a problem record.
                }
            }
        }
        return out;
    }
}
