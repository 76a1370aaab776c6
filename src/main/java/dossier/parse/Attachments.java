package dossier.parse;

import dossier.model.Kind;
import dossier.model.Parsed;
import dossier.model.Problem;
import java.util.List;

/** Makes the item for a file found inside an email, with its text and type from Tika. Thread-safe. */
final class Attachments {
    private Attachments() {}

    /**
     * The attachment item; a Tika failure or a cut text becomes a problem, never a lost attachment. A file that
     * {@code tika} leaves for OCR is returned unread.
     */
    static Parsed of(String source, String name, byte[] content, Extract tika, List<Problem> problems) {
        Parsed later = content.length == 0 ? null : tika.leftForOcr(source, name, content);
        if (later != null) return later;
        TextExtractor.Extraction x = content.length == 0
                ? new TextExtractor.Extraction("", "application/octet-stream", null, null)
                : tika.extract(content, name);
        if (x.problem() != null) problems.add(new Problem(source, Problem.EXTRACT, x.problem()));
        return new Parsed(Kind.ATTACHMENT, source, name, content, name, null, x.text(), x.contentType(),
                Languages.detect(x.text()), null, x.meta(), List.of(), "");
    }

    /**
     * An attachment as it is numbered before its text is read: titled with its name like a read one, everything else
     * (text, type, language, metadata) left for the reading to fill in.
     */
    static Parsed unread(String source, String name, byte[] content) {
        return new Parsed(Kind.ATTACHMENT, source, name, content, name, null, "", "application/octet-stream", "", null,
                null, List.of(), "");
    }
}
