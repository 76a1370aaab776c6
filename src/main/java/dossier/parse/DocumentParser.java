package dossier.parse;

import dossier.model.DocMeta;
import dossier.model.Kind;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.util.List;

/**
 * Makes a document item from a file that is not mail: text and metadata by Tika. Every file yields an item, even an
 * empty, encrypted or corrupt one, so its original is kept; what Tika could not read is a problem beside it.
 */
final class DocumentParser {
    private final Extract tika;

    DocumentParser(Extract tika) {
        this.tika = tika;
    }

    /** The document; {@code type} is Tika's type of it when the caller has detected it already, else null. */
    Parsed parse(RawInput input, String type, List<Problem> problems) {
        if (input.bytes().length == 0) { // the source stage already records empty files
            return new Parsed(Kind.DOCUMENT, input.source(), input.name(), input.bytes(), input.name(), null, "",
                    "application/octet-stream", "", null, DocMeta.NONE, List.of(), "");
        }
        TextExtractor.Extraction x = tika.extract(input.bytes(), input.name(), type);
        if (x.problem() != null) problems.add(new Problem(input.source(), Problem.EXTRACT, x.problem()));
        DocMeta meta = x.meta();
        String title = meta.title() != null ? meta.title() : input.name();
        var date = meta.created() != null ? meta.created() : meta.modified();
        return new Parsed(Kind.DOCUMENT, input.source(), input.name(), input.bytes(), title, date, x.text(),
                x.contentType(), Languages.detect(x.text()), null, meta, List.of(), "");
    }
}
