package dossier.model;

import java.util.Objects;

/**
 * An input that was not fully processed: where it is, which stage gave up, and why.
 * The path is the source path plus a locator inside containers ({@code mail.mbox#12}).
 */
public record Problem(String path, String stage, String reason) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stage, "stage");
        reason = reason == null || reason.isBlank() ? "unknown error" : reason.strip();
    }

    /** Stage names, so every record says the same thing for the same step. */
    public static final String SOURCE = "source", PARSE = "parse", EXTRACT = "extract", INDEX = "index", LIMIT = "limit";

    /** A reason from an exception: its class and message, never a stack trace. */
    public static String reasonOf(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + ": " + m.strip();
    }
}
