package dossier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.index.Ingest;
import dossier.search.ItemJson;

/** JSON for command summaries. */
final class Json {
    private Json() {}

    static String summary(Ingest.Summary s) {
        ObjectNode o = ItemJson.MAPPER.createObjectNode();
        o.put("files", s.files());
        o.put("items", s.items());
        o.put("emails", s.emails());
        o.put("attachments", s.attachments());
        o.put("documents", s.documents());
        o.put("duplicates", s.duplicates());
        o.put("problems", s.problems());
        o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        return o.toString();
    }
}
