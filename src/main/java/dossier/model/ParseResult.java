package dossier.model;

import java.util.List;

/** What parsing one raw input gave: the item (null when nothing could be read) and the problems met on the way. */
public record ParseResult(Parsed item, List<Problem> problems) {
    public ParseResult {
        problems = List.copyOf(problems == null ? List.of() : problems);
    }
}
