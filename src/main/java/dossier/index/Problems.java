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
