package dossier.parse;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.RawInput;

/**
 * Turns one raw input into an item tree: mime4j for mail, Tika for everything else. Never throws: what cannot be
 * read becomes a problem. Thread-safe.
 *
 * <p>TODO(parse helper): implement.
 */
public final class Parser {
    private final Limits limits;

    public Parser(Limits limits) {
        this.limits = limits;
    }

    /** Parses one input. */
    public ParseResult parse(RawInput input) {
        throw new UnsupportedOperationException("not yet " + limits);
    }
}
