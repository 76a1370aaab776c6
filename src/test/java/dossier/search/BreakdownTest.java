package dossier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Months by arithmetic agree with java.time, and the breakdown cache keeps what it should, no more. */
class BreakdownTest {
    @Test
    void monthArithmeticAgreesWithJavaTimeAcrossCenturiesAndBeforeTheEpoch() {
        Random random = new Random(7);
        List<Long> samples = new java.util.ArrayList<>(List.of(0L, -1L, 1L, 951_782_400_000L, -2_208_988_800_001L,
                253_402_300_799_999L, 253_402_300_800_000L, -62_167_219_200_000L));
        for (int i = 0; i < 10_000; i++) samples.add((long) (random.nextGaussian() * 4e12));
        for (long ms : samples) {
            var d = Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC);
            assertEquals(String.format("%04d-%02d", d.getYear(), d.getMonthValue()), Breakdown.label(Breakdown.month(ms)), "at " + ms);
        }
    }

    @Test
    void cacheKeepsBroadQueriesOnlyAndDropsTheLeastRecentlyUsed() {
        BreakdownCache cache = new BreakdownCache(2, 100);
        var a = new TermQuery(new Term("f", "a"));
        var b = new TermQuery(new Term("f", "b"));
        cache.put(new TermQuery(new Term("f", "narrow")), breakdown(99));
        assertEquals(0, cache.size());
        cache.put(a, breakdown(100));
        cache.put(b, breakdown(200));
        assertNotNull(cache.get(new TermQuery(new Term("f", "a"))), "an equal query finds the entry");
        cache.put(new MatchAllDocsQuery(), breakdown(300));
        assertEquals(2, cache.size());
        assertNull(cache.get(b), "b was used least recently");
        assertEquals(100, cache.get(a).total());
        assertEquals(2, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void anEmptyCacheKeepsNothing() {
        BreakdownCache none = BreakdownCache.none();
        none.put(new MatchAllDocsQuery(), breakdown(1_000_000));
        assertNull(none.get(new MatchAllDocsQuery()));
        assertEquals(0, none.size());
    }

    private static Breakdown breakdown(long total) {
        return new Breakdown(total, Map.of("kind", List.of(new SearchResult.FacetCount("email", total))), Map.of("2001-05", total));
    }
}
