package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OffHeapArraysTest {
    @Test
    void growingPastAChunkKeepsEveryValueAndNewElementsAreZero() {
        LongArray longs = new LongArray(3);
        IntArray ints = new IntArray(0);
        Random random = new Random(7);
        int n = Mapped.CHUNK + Mapped.CHUNK / 2; // a lone chunk regrown several times, then whole chunks added
        long[] expectedLongs = new long[n];
        int[] expectedInts = new int[n];
        for (int i = 0; i < n; i++) {
            longs.ensure(i + 1L);
            ints.ensure(i + 1L);
            assertEquals(0, longs.get(i));
            assertEquals(0, ints.get(i));
            if (i % 97 == 0 || i == n - 1 || i == Mapped.CHUNK - 1 || i == Mapped.CHUNK) {
                expectedLongs[i] = random.nextLong();
                expectedInts[i] = random.nextInt();
                longs.set(i, expectedLongs[i]);
                ints.set(i, expectedInts[i]);
            }
        }
        assertEquals(n, longs.length());
        assertEquals(n, ints.length());
        assertArrayEquals(expectedLongs, longs.toArray(n));
        assertArrayEquals(expectedInts, ints.toArray(n));
    }

    @Test
    void lengthIsWhatWasAskedForAndOfCopiesValues() {
        assertEquals(0, new IntArray(0).length());
        LongArray a = LongArray.of(5, -1, Long.MIN_VALUE);
        assertEquals(3, a.length());
        a.ensure(2); // never shrinks
        assertEquals(3, a.length());
        assertArrayEquals(new long[] {5, -1, Long.MIN_VALUE}, a.toArray(3));
        IntArray b = IntArray.of(1, 2, 3);
        b.fill(1, 3, -1);
        assertArrayEquals(new int[] {1, -1, -1}, b.toArray(3));
    }

    @Test
    void anArrayPastTwoToTheThirtyOneOrAMappingPastTheFreeDiskIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> new IntArray(1L << 31));
        assertThrows(IllegalArgumentException.class, () -> new LongArray(-1));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mapped.allocate(Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().contains("point TMPDIR to a folder with more room"), e.getMessage());
    }

    @Test
    void nothingIsLeftInTheTemporaryFolder() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = arrayFiles(tmp);
        LongArray a = new LongArray(Mapped.CHUNK * 2L);
        a.set(Mapped.CHUNK * 2 - 1, 1);
        IntArray b = new IntArray(10);
        b.ensure(100_000);
        assertEquals(before, arrayFiles(tmp), "files are deleted as soon as they are mapped");
        assertEquals(1, a.get(Mapped.CHUNK * 2 - 1));
    }

    private static long arrayFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("dossier-array-")).count();
        }
    }
}
