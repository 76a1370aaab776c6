package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The index's in-memory buffer is sized to the heap, so that small heaps are not spent on it. */
class ArchiveWriterMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void theBufferIsAQuarterOfTheHeapBetween16And256MB() {
        assertEquals(256, ArchiveWriter.ramBufferMB(2048 * MB)); // the launcher's default heap
        assertEquals(256, ArchiveWriter.ramBufferMB(1024 * MB));
        assertEquals(96, ArchiveWriter.ramBufferMB(384 * MB));
        assertEquals(16, ArchiveWriter.ramBufferMB(40 * MB));
    }
}
