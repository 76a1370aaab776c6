package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.enrich.Dedup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The off-heap key table behaves like a map from strings to non-negative longs, through growth and across chunks. */
class KeyTableTest {
    @Test
    void manyKeysThroughGrowthAcrossChunksKeepTheirValues() {
        // Chunks of 16 slots from 4 slots up: 20,000 keys make the table grow a dozen times and span ~2,000 chunks.
        try (KeyTable t = KeyTable.create(KeyTable.Keys.TEXT, 16, 4)) {
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                String key = "<" + i + "@example.org> " + Integer.toHexString(i * 31);
                assertEquals(-1, t.putIfAbsent(key, i * 7L), key);
                expected.put(key, i * 7L);
            }
            assertEquals(20_000, t.size());
            expected.forEach((k, v) -> assertEquals(v, t.get(k), k));
            assertEquals(-1, t.get("<20000@example.org> absent"));
        }
    }

    @Test
    void sha256KeysThroughGrowthAcrossChunks() {
        try (KeyTable t = KeyTable.create(KeyTable.Keys.SHA256_HEX, 8, 2)) {
            for (int i = 0; i < 5_000; i++) t.put(sha(i), i);
            for (int i = 0; i < 5_000; i++) assertEquals(i, t.get(sha(i)));
            assertEquals(5_000, t.size());
            assertEquals(-1, t.get(sha(5_000)));
            // Upper-case hex is another string, as it was in a HashMap: hashed, not parsed.
            assertEquals(-1, t.get(sha(1).toUpperCase()));
        }
    }

    @Test
    void theEmptyKeyAndTheValueZeroAreEntriesLikeAnyOther() {
        try (KeyTable t = KeyTable.create(KeyTable.Keys.TEXT, 16, 4)) {
            assertEquals(-1, t.get(""));
            assertEquals(-1, t.putIfAbsent("", 0));
            assertEquals(0, t.get(""));
            assertEquals(0, t.putIfAbsent("", 5), "present with the value 0");
            assertEquals(1, t.size());
            assertEquals(-1, t.get(" "));
            assertEquals(-1, t.put("a", 0));
            assertEquals(0, t.get("a"));
            assertEquals(2, t.size());
        }
    }

    @Test
    void putOverwritesAndPutIfAbsentKeepsTheFirstValue() {
        try (KeyTable t = KeyTable.create(KeyTable.Keys.TEXT)) {
            assertEquals(-1, t.putIfAbsent("k", 1));
            assertEquals(1, t.putIfAbsent("k", 2));
            assertEquals(1, t.get("k"));
            assertEquals(1, t.put("k", 3));
            assertEquals(3, t.get("k"));
            assertEquals(1, t.size());
            assertEquals(-1, t.put("l", Long.MAX_VALUE));
            assertEquals(Long.MAX_VALUE, t.get("l"));
            assertThrows(IllegalArgumentException.class, () -> t.put("m", -1));
            assertEquals(-1, t.get("m"));
        }
    }

    @Test
    void valuesSurviveGrowthAfterOverwrites() {
        try (KeyTable t = KeyTable.create(KeyTable.Keys.TEXT, 4, 2)) {
            for (int i = 0; i < 1_000; i++) t.put("key" + i, i);
            for (int i = 0; i < 1_000; i += 2) t.put("key" + i, i + 1_000_000L);
            for (int i = 1_000; i < 3_000; i++) t.putIfAbsent("key" + i, i);
            for (int i = 0; i < 3_000; i++) assertEquals(i < 1_000 && i % 2 == 0 ? i + 1_000_000L : i, t.get("key" + i));
            assertEquals(3_000, t.size());
        }
    }

    @Test
    void closeDeletesTheFileAndEveryGrowthDeletesTheOldOne() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        KeyTable t = KeyTable.create(KeyTable.Keys.TEXT, 16, 4);
        Path first = t.file();
        assertTrue(Files.isRegularFile(first));
        assertTrue(first.startsWith(tmp), first + " is in the temporary folder");
        for (int i = 0; i < 100; i++) t.put("k" + i, i);
        Path grown = t.file();
        assertNotEquals(first, grown);
        assertFalse(Files.exists(first), "the file before growth is deleted");
        assertTrue(Files.isRegularFile(grown));
        t.close();
        assertFalse(Files.exists(grown));
        t.close(); // twice: nothing
        assertThrows(IllegalStateException.class, () -> t.get("k1"));
    }

    @Test
    void fingerprintsOfShaKeysAreTheDigestsFirstBitsAndOfTextTheirSha256() {
        try (KeyTable sha = KeyTable.create(KeyTable.Keys.SHA256_HEX); KeyTable text = KeyTable.create(KeyTable.Keys.TEXT)) {
            String hex = "00112233445566778899aabbccddeeff" + "f".repeat(32);
            assertEquals(new KeyTable.Fingerprint(0x0011223344556677L, 0x8899aabbccddeeffL), sha.fingerprint(hex));
            String digest = Dedup.sha256("x".getBytes(StandardCharsets.UTF_8));
            KeyTable.Fingerprint f = text.fingerprint("x");
            assertEquals(digest.substring(0, 32), String.format("%016x%016x", f.hi(), f.lo()));
            // A key that is no sha256 is hashed, even in the sha table.
            assertEquals(text.fingerprint("not hex"), sha.fingerprint("not hex"));
        }
    }

    private static String sha(int i) {
        return Dedup.sha256(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
    }
}
