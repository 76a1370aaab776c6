package dossier.model;

import java.time.Duration;

/**
 * Every bound that keeps one hostile file from stopping an ingest, in one place.
 *
 * @param maxFileBytes     files (and container entries) larger than this are recorded as a problem, not read
 * @param maxDepth         how deep containers and embedded messages may nest
 * @param maxEntries       entries read from one container (zip, mbox, PST) before the rest become one problem. The
 *                         default, a million, reads a whole Gmail export or an executive's PST: at 100,000 such
 *                         mailboxes lost their later messages. It still bounds what one small zip can fan out
 *                         into, and the entry index a zip reader holds in memory (a few hundred bytes an entry).
 * @param maxExpansion     largest ratio of unpacked to packed size for a compressed entry
 * @param maxTextChars     extracted text kept per item; the rest is cut and the cut recorded
 * @param maxHeaderBytes   largest header block of a message
 * @param timePerFile      how long one file may take to parse before it is stopped
 */
public record Limits(
        long maxFileBytes,
        int maxDepth,
        int maxEntries,
        int maxExpansion,
        int maxTextChars,
        int maxHeaderBytes,
        Duration timePerFile) {

    /** What a publisher gets unless they ask otherwise. */
    public static final Limits DEFAULT = new Limits(512L << 20, 16, 1_000_000, 200, 5_000_000, 1 << 20, Duration.ofSeconds(120));

    /** Tighter bounds for untrusted uploads and tests of hostile input. */
    public static final Limits STRICT = new Limits(64L << 20, 8, 10_000, 50, 1_000_000, 256 << 10, Duration.ofSeconds(20));

    /** These limits with another time per file. */
    public Limits withTimePerFile(Duration time) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpansion, maxTextChars, maxHeaderBytes, time);
    }
}
