package dossier.parse.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a worker's stderr to the ingest's (the JVM's notes, a parser library's warnings) and keeps the first line it
 * wrote: when a worker cannot start, that line says why ("Unrecognized VM option ...", "Error: Could not find or load
 * main class ...") and goes into the problem record. Inheriting stderr showed it to a person watching but left the
 * ingest unable to say it.
 */
final class StderrPump implements Runnable {
    private static final int MAX_LINE = 300;

    private final InputStream in;
    private final PrintStream out = System.err;
    private final StringBuilder line = new StringBuilder();
    private volatile String first = "";
    /** The first line so far while it has no end yet: what is said when the worker's words stop mid-line. */
    private volatile String partial = "";
    private Thread thread;

    private StderrPump(InputStream in) {
        this.in = in;
    }

    static StderrPump start(Process process) {
        StderrPump pump = new StderrPump(process.getErrorStream());
        pump.thread = new Thread(pump, "parser-stderr-" + process.pid());
        pump.thread.setDaemon(true);
        pump.thread.start();
        return pump;
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                remember(buf, n); // first: copying to the ingest's stderr can wait on other threads' logging
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the worker is gone
        }
        out.flush();
    }

    /** Keeps the first non-blank line, at most {@value #MAX_LINE} characters of it (ASCII is all the JVM says). */
    private void remember(byte[] buf, int n) {
        for (int i = 0; i < n && first.isEmpty(); i++) {
            char c = (char) (buf[i] & 0xff);
            if (c == '\n' || c == '\r') {
                String l = line.toString().strip();
                if (!l.isEmpty()) first = l;
                line.setLength(0);
            } else if (line.length() < MAX_LINE) {
                line.append(c);
            }
        }
        if (first.isEmpty()) partial = line.toString().strip();
    }

    /**
     * The first line the worker wrote to stderr, or "", once it has ended (or after 5 s): for a worker that could not
     * start, whose last words may still be in the pipe when its stdout closes.
     */
    String firstLineAtEnd() {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A line without its end (the stream stopped mid-line, or the pump is still held up copying) is still the
        // worker's words.
        return first.isEmpty() ? partial : first;
    }
}
