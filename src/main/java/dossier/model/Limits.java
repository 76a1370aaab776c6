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
 *                         into. A zip, 7z or PST inside another container gets at most 100,000
 *                         ({@link #maxEntries(int, boolean)}).
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

    /** The most entries a zip, 7z or PST inside another container may yield, whatever {@link #maxEntries} says. */
    public static final int NESTED_INDEXED_ENTRIES = 100_000;

    /**
     * The entries one container may yield: {@link #maxEntries} for a file of the dump, and for containers read as a
     * stream (mbox, tar) wherever they are; at most {@value #NESTED_INDEXED_ENTRIES} for a zip, 7z or PST inside
     * another container. Their readers hold an index of every entry in memory (a few hundred bytes each) while the
     * containers inside are read, so a stack of nested million-entry zips, a few MB each compressed, would otherwise
     * exhaust the heap.
     *
     * @param depth   how many containers hold this one (0 for a file of the dump)
     * @param indexed whether its reader holds an index of every entry
     */
    public int maxEntries(int depth, boolean indexed) {
        return depth > 0 && indexed ? Math.min(maxEntries, NESTED_INDEXED_ENTRIES) : maxEntries;
    }

    /** These limits with another time per file. */
    public Limits withTimePerFile(Duration time) {
        return new Limits(maxFileBytes, maxDepth, maxEntries, maxExpansion, maxTextChars, maxHeaderBytes, time);
    }
}
