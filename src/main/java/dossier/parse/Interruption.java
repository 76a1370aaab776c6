package dossier.parse;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Stops an in-process parse whose thread has been interrupted: the ingest's watchdog interrupts a parse it gives up
 * on ({@code ParseBatch}), and without these checks such a thread kept a core busy until its input was done, which a
 * crafted email (tens of thousands of parts, HTML built to be slow) puts off for many minutes. Our own loops call
 * {@link #check}; third-party readers that pull bytes or characters (mime4j, jsoup) get a {@link #watch watched}
 * stream that checks on every read. Only the interrupt stops a parse, never the clock: a parse near its deadline
 * that the watchdog still waits for keeps what it reads. Tika in this JVM ({@code --isolation none}) reads its input
 * whole and is not stopped this way. Stateless and thread-safe.
 */
final class Interruption {
    private Interruption() {}

    /** Thrown in the parse thread once it is interrupted; unchecked, so no catch of IOException swallows it. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("parse abandoned: its thread was interrupted", null, false, false);
        }
    }

    /** Throws {@link Abandoned} if the current thread has been interrupted; the flag stays set. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) throw new Abandoned();
    }

    /** A stream that {@link #check checks} before every read. */
    static InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }
        };
    }

    /** A reader that {@link #check checks} before every read. */
    static Reader watch(Reader in) {
        return new FilterReader(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(char[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }
        };
    }
}
