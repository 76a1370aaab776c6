package dossier.parse;

import java.time.Duration;

/**
 * The time one input may take to parse, shared by everything read from it (the message and every attachment), and
 * the words used when it runs out. The reason names the limit, not the time measured, so that identical runs write
 * identical problem logs.
 */
public record Deadline(Duration limit, long atNanos) {
    /** A deadline {@code limit} from now. */
    public static Deadline after(Duration limit) {
        return new Deadline(limit, System.nanoTime() + limit.toNanos());
    }

    /** Time left, never negative. */
    public Duration left() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** The problem reason for a parse stopped at this deadline. */
    public String reason() {
        return timedOut(limit);
    }

    /** The problem reason for a parse stopped after {@code limit}. */
    public static String timedOut(Duration limit) {
        long ms = limit.toMillis();
        return "parser timed out after " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
