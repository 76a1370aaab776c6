package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tika loads in any JVM whose first use of it comes from an interrupted thread (a parse the ingest abandoned, with
 * {@code --isolation none}): that load used to fail Tika's class initialisation, and every later file then failed with
 * "Could not initialize class". A child JVM, since this one has loaded Tika long ago.
 */
class TikaFirstLoadTest {
    @Test
    void anInterruptedFirstUseLoadsTikaForEveryone() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TikaFirstLoadProbe.class.getName()).redirectErrorStream(true).start();
        // A hang (a load that waits for itself) fails the test instead of stopping the build: the output ends then.
        Thread guard = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        guard.join();
        assertEquals(0, p.waitFor(), out);
        String[] lines = out.lines().filter(l -> l.startsWith("interrupted first: ") || l.startsWith("then: "))
                .toArray(String[]::new);
        assertEquals("interrupted first: application/pdf, still interrupted: true\nthen: application/pdf",
                String.join("\n", lines), out);
    }
}
