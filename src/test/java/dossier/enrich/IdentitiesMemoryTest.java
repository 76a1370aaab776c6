package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Identities keep what they hold of each correspondent off the heap: 250,000 of them resolve in a 48 MB heap, where the
 * objects of each (about 430 bytes a correspondent, BENCHMARKS.md) ran out of it before all were observed.
 */
class IdentitiesMemoryTest {
    @Test
    void aQuarterOfAMillionCorrespondentsResolveInA48MBHeap() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx48m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IdentitiesInSmallHeap.class.getName(), "250000").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("people 250000", out.strip());
    }
}
