package dossier.search;

/**
 * A query that cannot be parsed: {@link #getMessage()} says why and where, for example {@code unbalanced quote at
 * column 12}, and is fit to show to the user as is (HTTP 400 on the web, exit status 2 on the command line).
 */
public final class QueryException extends Exception {
    private final String reason;
    private final int column;

    /**
     * @param reason why the query is wrong, without the position
     * @param column 1-based character position the problem starts at, or 0 when it concerns the whole query
     */
    public QueryException(String reason, int column) {
        super(column > 0 ? reason + " at column " + column : reason);
        this.reason = reason;
        this.column = column;
    }

    /** Why the query is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** 1-based character position the problem starts at, or 0 when it concerns the whole query. */
    public int column() {
        return column;
    }
}
