package dossier.search;

/** A query that cannot be parsed, with a message for the reader saying where and why. */
public final class QueryException extends Exception {
    public QueryException(String message) {
        super(message);
    }
}
