package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailKeysTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2001-05-01T00:00:00Z").toEpochMilli();

    private static Threader.Email mail(long id, String mid, String irt, List<String> refs) {
        return new Threader.Email(id, mid, irt, refs, "subject " + id, T0 + id * 1000, new int[] {(int) id});
    }

    private static long[] thread(Threader.Email... emails) {
        return Threader.defaults().threads(List.of(emails));
    }

    @Test
    void messageIdsAreComparedStrippedAndCaseSensitiveAsTheStringsWere() {
        assertEquals(Fingerprint.messageId("a@x"), Fingerprint.messageId(" a@x\t"));
        assertNotEquals(Fingerprint.messageId("a@x"), Fingerprint.messageId("A@x"));
        assertNotEquals(Fingerprint.messageId("a@x"), Fingerprint.messageId("<a@x>"));
        assertEquals(0, Fingerprint.messageId(" "));
        assertEquals(0, Fingerprint.messageId(null));
        // Threading sees the same: whitespace around an id links, another case or angle brackets do not.
        assertArrayEquals(new long[] {1, 1}, thread(mail(1, "a@x", "", List.of()), mail(2, "b@x", " a@x ", List.of())));
        assertArrayEquals(new long[] {1, 2}, thread(mail(1, "a@x", "", List.of()), mail(2, "b@x", "A@x", List.of())));
        assertArrayEquals(new long[] {1, 2}, thread(mail(1, "a@x", "", List.of()), mail(2, "b@x", "<a@x>", List.of("<a@x>"))));
    }

    @Test
    void inReplyToIsReadLastAndBlankOrOwnIdsAreDropped() {
        MailKeys k = new MailKeys.Builder()
                .add(mail(1, "m", "p", List.of("a", "p", "b")))  // In-Reply-To moves from the middle to the end
                .add(mail(2, "n", "b", List.of("a", "b")))       // already last: kept as it is
                .add(mail(3, "o", "", List.of("", " o ", "a")))  // blank and self-references say nothing
                .build();
        assertArrayEquals(fingerprints("a", "b", "p"), chain(k, 0));
        assertArrayEquals(fingerprints("a", "b"), chain(k, 1));
        assertArrayEquals(fingerprints("a"), chain(k, 2));
        assertFalse(k.headerless(2));
        assertTrue(new MailKeys.Builder().add(mail(4, "q", " ", List.of("", " "))).build().headerless(0));
    }

    @Test
    void subjectsAreReadOnceIntoKeyAndFlags() {
        MailKeys k = new MailKeys.Builder()
                .add(new Threader.Email(1, "a", "", List.of(), "RE: [ops] Dinner Monday, April 23", T0, null))
                .add(new Threader.Email(2, "b", "", List.of(), "dinner monday april 23", T0, null))
                .add(new Threader.Email(3, "c", "", List.of(), "Re: ", MailKeys.NO_DATE, null))
                .add(new Threader.Email(4, "d", "", List.of(), "Lunch", T0 - DAY, null))
                .build();
        assertEquals(k.subject(0), k.subject(1));
        assertEquals(Fingerprint.of("dinner monday april 23"), k.subject(0));
        assertTrue(k.reply(0) && k.specific(0) && !k.reply(1));
        assertEquals(0, k.subject(2), "no key: never groups by subject");
        assertFalse(k.specific(3));
        IntArray dated = k.byDate(k.byId());
        assertArrayEquals(new int[] {3, 0, 1}, dated.toArray(dated.length()), "dated only, by date then id");
    }

    @Test
    void fingerprintsOfAMillionMessageIdsAreDistinctAndNeverZero() {
        Set<Long> seen = new HashSet<>();
        Random random = new Random(5);
        for (int i = 0; i < 1_000_000; i++) {
            String id = i % 2 == 0 ? i + ".JavaMail.evans@thyme" : Long.toHexString(random.nextLong()) + "@example.org";
            long f = Fingerprint.messageId(id);
            assertNotEquals(0, f);
            assertTrue(seen.add(f), "collision at " + id);
        }
    }

    @Test
    void indexSortIsStableAndMatchesASortOfBoxedIndices() {
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000, 4097}) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = random.nextInt(Math.max(1, n / 4)) - n / 8;
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) expected.add(i);
            expected.sort((a, b) -> Long.compare(keys[a], keys[b]));
            IntArray got = IndexSort.stable(LongArray.of(keys), IndexSort.identity(n));
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), got.toArray(n), "n = " + n);
        }
    }

    @Test
    void longIntMapAgreesWithAHashMapThroughGrowth() {
        LongIntMap m = new LongIntMap();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(150_000) + 1L << (i % 3 == 0 ? 40 : 0); // some keys alike in their low bits
            m.put(key, i);
            expected.put(key, i);
        }
        assertEquals(expected.size(), m.size());
        expected.forEach((key, value) -> assertEquals(value, m.get(key)));
        assertEquals(-1, m.get(Long.MAX_VALUE));
    }

    private static long[] fingerprints(String... ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = Fingerprint.messageId(ids[i]);
        return out;
    }

    private static long[] chain(MailKeys k, int i) {
        return java.util.Arrays.copyOfRange(k.refs().toArray(k.refEnd(i)), k.refStart(i), k.refEnd(i));
    }
}
