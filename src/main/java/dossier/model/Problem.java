package dossier.model;

import java.util.Objects;

/**
 * An input that was not fully processed: where it is, which stage gave up, and why.
 * The path is the source path plus a locator inside containers ({@code mail.mbox#12}); the reason is one line.
 */
public record Problem(String path, String stage, String reason) {
    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*\\R\\s*");

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stage, "stage");
        // One line: a parser's message may run over several (POI's do), and problems are listed a line each.
        reason = reason == null || reason.isBlank() ? "unknown error" : LINE_BREAKS.matcher(reason.strip()).replaceAll(" ");
    }

    /** Stage names, so every record says the same thing for the same step. */
    public static final String SOURCE = "source", PARSE = "parse", EXTRACT = "extract", INDEX = "index", LIMIT = "limit";

    /**
     * A reason cut to at most {@code max} characters, at the last space before the cut when there is one in its last
     * fifth, and marked with an ellipsis: Tesseract's messages run to many lines, and a cut in the middle of a word
     * ("Error during processin") read like a typo.
     */
    public static String shortened(String reason, int max) {
        if (reason.length() <= max) return reason;
        int end = max - 1; // room for the ellipsis
        int space = reason.lastIndexOf(' ', end);
        if (space >= end - end / 5) end = space;
        if (end > 0 && Character.isHighSurrogate(reason.charAt(end - 1))) end--;
        return reason.substring(0, end).stripTrailing() + "\u2026";
    }

    /** A reason from an exception: its class and message, never a stack trace. */
    public static String reasonOf(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + ": " + m.strip();
    }
}
