package dossier.source;

/**
 * One thing to open: a top-level file or a container entry.
 *
 * @param source  the locator recorded for it ({@code docs.zip#q3/plan.xlsx})
 * @param path    the '/'-separated path its name and folder are judged by (display path, or sanitised entry path)
 * @param content its bytes
 * @param depth   how many containers hold it (0 for a file of the dump)
 */
record Item(String source, String path, Content content, int depth) {
    /** The file name to record: the last segment of the path. */
    String name() {
        return Sniffer.lastSegment(path);
    }
}
