package dossier.parse.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that cannot start says why, every time. */
class WorkerStartTest {
    @TempDir Path tmp;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /**
     * A JVM given an option it does not know prints why and exits at once. Killing the ended worker before its stderr
     * was read lost those words: {@code Process.destroyForcibly} closes the streams of an ended process too. That
     * happened to 2 to 24 starts in 300 here, and once in a CI run of ParserWorkersIT.
     */
    @Test
    void everyFailedStartKeepsTheJvmsWords() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> without = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Worker.StartFailed e = assertThrows(Worker.StartFailed.class, () -> Worker.start(
                    dir -> List.of(java, "-XX:NoSuchDossierOption", "-version"), tmp.resolve("w"), timer,
                    Duration.ofSeconds(30)));
            if (!e.why.equals("exit 1: Unrecognized VM option 'NoSuchDossierOption'")) without.add(i + ": " + e.why);
        }
        assertEquals(List.of(), without);
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "each worker's folder is deleted");
        }
    }
}
