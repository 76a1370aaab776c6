package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The plain log lines of an ingest's progress, on a clock the test moves. */
class ProgressTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
            2_000, 100_000_000, nanos::get);

    @Test
    void noEtaInTheFirstSecondsThenOneFromTheRateSoFar() {
        after(1);
        progress.update(20, 21, 1_000_000, false);
        after(19);
        progress.update(1_000, 1_050, 50_000_000, false);
        assertEquals("""
                ingest:   1% files 20/2,000 items 21 1.0 MB/s ETA -
                ingest:  50% files 1,000/2,000 items 1,050 2.5 MB/s ETA 0m20s
                """, printed());
    }

    @Test
    void aLogLineEveryTenSecondsUnlessForced() {
        progress.update(1, 1, 1, false);
        after(9);
        progress.update(2, 2, 2, false); // too soon: not printed
        after(1);
        progress.update(3, 3, 3, false);
        progress.update(4, 4, 100_000_000, true); // the last one, forced
        assertEquals(3, printed().lines().count(), printed());
        assertEquals("ingest: 100% files 4/2,000 items 4 10.0 MB/s ETA -", printed().lines().toList().get(2));
    }

    private void after(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
