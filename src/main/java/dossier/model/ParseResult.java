package dossier.model;

import java.util.List;

/**
 * What parsing one raw input gave: the item (null when nothing could be read), the problems met on the way, and the
 * files in the item's tree left unread for OCR (the very {@link Parsed} objects of the tree: see
 * {@code Parser.parse(RawInput, boolean)}).
 */
public record ParseResult(Parsed item, List<Problem> problems, List<Parsed> unread) {
    public ParseResult {
        problems = List.copyOf(problems == null ? List.of() : problems);
        unread = List.copyOf(unread == null ? List.of() : unread);
    }

    /** A result with every file read. */
    public ParseResult(Parsed item, List<Problem> problems) {
        this(item, problems, List.of());
    }
}
