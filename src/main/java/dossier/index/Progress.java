package dossier.index;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how an ingest goes: a one-line bar redrawn on a terminal (files, items, MB/s, ETA), or a plain log line every
 * ten seconds when stderr is not a terminal. Called from the ingest thread only.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    /**
     * Seconds before an ETA is shown: the first seconds (the JVM warming up, the first Tika worker starting) run at a
     * fraction of the later rate, and an estimate from them said "ETA 4m54s" for the demo's 17 s ingest.
     */
    static final double ETA_AFTER_SECONDS = 5;

    private final long totalFiles, totalBytes;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;

    public Progress(PrintStream out, boolean terminal, long totalFiles, long totalBytes) {
        this(out, terminal, totalFiles, totalBytes, System::nanoTime);
    }

    /** A progress that reads the time, in nanoseconds, from {@code clock}. */
    Progress(PrintStream out, boolean terminal, long totalFiles, long totalBytes, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start - (1L << 40); // the first update draws
    }

    /** Makes the progress display once the number of files and bytes to do is known. */
    @FunctionalInterface
    public interface Factory {
        Progress create(long totalFiles, long totalBytes);
    }

    /** A progress that prints nothing. */
    public static Progress silent() {
        return new Progress(null, false, 0, 0);
    }

    /** Reports the state; draws only every quarter second (terminal) or ten seconds (log). */
    public void update(long files, long items, long bytes, boolean force) {
        if (out == null) return;
        long now = clock.getAsLong();
        long every = terminal ? 250_000_000L : 10_000_000_000L;
        if (!force && now - lastDraw < every) return;
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double mbps = bytes / seconds / 1e6;
        String eta = bytes > 0 && totalBytes > bytes && seconds >= ETA_AFTER_SECONDS
                ? duration((totalBytes - bytes) / (bytes / seconds)) : "-";
        double frac = totalBytes == 0 ? 1 : Math.min(1, (double) bytes / totalBytes);
        if (terminal) {
            int width = 24, filled = (int) Math.round(frac * width);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  files %,d/%,d  items %,d  %.1f MB/s  ETA %s   ",
                    "#".repeat(filled), ".".repeat(width - filled), frac * 100, files, totalFiles, items, mbps, eta);
        } else {
            out.printf(Locale.ROOT, "ingest: %3.0f%% files %,d/%,d items %,d %.1f MB/s ETA %s%n",
                    frac * 100, files, totalFiles, items, mbps, eta);
        }
        out.flush();
    }

    /** Prints a note on a line of its own (below the bar on a terminal). */
    public void note(String message) {
        if (out == null) return;
        out.println((terminal ? "\n" : "") + "ingest: " + message);
        out.flush();
    }

    /** Ends the bar's line. */
    public void done() {
        if (out != null && terminal) out.println();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
