package dossier.parse;

import dossier.model.Kind;
import dossier.model.Parsed;
import dossier.model.Problem;
import java.util.List;

/** Makes the item for a file found inside an email, with its text and type from Tika. Thread-safe. */
final class Attachments {
    private Attachments() {}

    /** The attachment item; a Tika failure or a cut text becomes a problem, never a lost attachment. */
    static Parsed of(String source, String name, byte[] content, Extract tika, List<Problem> problems) {
        TextExtractor.Extraction x = content.length == 0
                ? new TextExtractor.Extraction("", "application/octet-stream", null, null)
                : tika.extract(content, name);
        if (x.problem() != null) problems.add(new Problem(source, Problem.EXTRACT, x.problem()));
        return new Parsed(Kind.ATTACHMENT, source, name, content, name, null, x.text(), x.contentType(),
                Languages.detect(x.text()), null, x.meta(), List.of());
    }
}
