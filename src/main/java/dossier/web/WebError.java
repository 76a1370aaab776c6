package dossier.web;

/**
 * A request the archive answers with an error page (or a JSON error under {@code /api/}): a status and a message for
 * the reader. Thrown by handlers; {@link WebServer} renders it.
 */
public final class WebError extends RuntimeException {
    private final int status;

    private WebError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400: the request cannot be answered as asked. */
    public static WebError badRequest(String message) {
        return new WebError(400, message);
    }

    /** 404: nothing at this address. */
    public static WebError notFound(String message) {
        return new WebError(404, message);
    }

    public int status() {
        return status;
    }
}
