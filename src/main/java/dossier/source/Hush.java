package dossier.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps what a library prints on standard output and error, where it should have logged, off the terminal and out of
 * the command's output. java-libpst prints "Unknown message type: IPM.Post" for every item of a class it does not know
 * (notes, posts, delivery reports), hex dumps of blocks it cannot read on stdout, and stack traces: over the progress
 * bar, and into the JSON that {@code dossier ingest --format json} writes on stdout.
 *
 * <p>While a thread runs such code {@link #run hushed}, whatever that thread prints on {@code System.out} or
 * {@code System.err} is dropped; other threads print as before. Nothing is lost by it: the library's failures reach
 * Dossier as exceptions, which become problems, and an item of an unknown class is read as a message all the same.
 *
 * <p>The first use puts a gate in front of {@code System.out} and {@code System.err} (again if something has replaced
 * them since). Thread-safe.
 */
final class Hush {
    /** How deep the current thread is in hushed code; printing is dropped while above zero. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Hush() {}

    /** Code that reads with a library and may fail as reading does. */
    interface Reading {
        void run() throws IOException;
    }

    /** Runs {@code code}, dropping what this thread prints on standard output and error meanwhile. */
    static void run(Reading code) throws IOException {
        gate();
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            code.run();
        } finally {
            depth[0]--;
        }
    }

    private static synchronized void gate() {
        if (!(System.out instanceof Gated)) System.setOut(new Gated(System.out));
        if (!(System.err instanceof Gated)) System.setErr(new Gated(System.err));
    }

    private static boolean open() {
        return DEPTH.get()[0] == 0;
    }

    /**
     * A print stream that passes on what threads print unless they are hushed. It hands each print's bytes on at once
     * and flushes when asked, so {@code to} flushes as it did before (automatically or not).
     */
    private static final class Gated extends PrintStream {
        Gated(PrintStream to) {
            super(new Gate(to), false, to.charset());
        }
    }

    private static final class Gate extends OutputStream {
        private final PrintStream to;

        Gate(PrintStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            if (open()) to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (open()) to.write(b, off, len);
        }

        @Override
        public void flush() {
            to.flush();
        }
    }
}
