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

/** {@code problems.jsonl}: one JSON object per input that was not fully processed. */
public final class Problems {
    private Problems() {}

    /** The JSON line for a problem. */
    static String line(Problem p) {
        return ItemDocuments.JSON.createObjectNode().put("path", p.path()).put("stage", p.stage())
                .put("reason", p.reason()).toString();
    }

    /** Problems with the same stage and reason, as the report groups them. */
    public record Group(String stage, String reason, List<String> paths) {}

    /** Groups problems by stage and reason, the largest group first (then in order of first appearance). */
    public static List<Group> group(List<Problem> all) {
        java.util.Map<String, Group> groups = new java.util.LinkedHashMap<>();
        for (Problem p : all) {
            groups.computeIfAbsent(p.stage() + "\u0000" + p.reason(), k -> new Group(p.stage(), p.reason(), new ArrayList<>()))
                    .paths().add(p.path());
        }
        List<Group> out = new ArrayList<>(groups.values());
        out.sort((x, y) -> Integer.compare(y.paths().size(), x.paths().size()));
        return out;
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
