package dossier.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.Query;

/**
 * The breakdowns (exact totals, facet counts, months) of recent broad queries, least recently used dropped first.
 * Counting seven facets and the months over 100,000 matches costs tens of milliseconds, and a searcher's index
 * never changes while it is open, so a breakdown counted once stays exact for the searcher's life. Keyed by the
 * parsed query, so spellings that parse alike ({@code *} and {@code " * "}) share an entry, and every order and
 * page of a search reuses it. Narrow queries are cheap to count and are not kept, so a long tail of them cannot
 * push out the broad ones.
 *
 * <pre>{@code
 * Searcher s = Searcher.open(archive, new BreakdownCache(256, 1_000));
 * }</pre>
 *
 * <p>Thread-safe. Two requests that miss at once both count; the counts are equal, so either may stay.
 */
public final class BreakdownCache {
    /** Entries kept by default: each holds at most about 200 facet values and a few hundred months, a few kilobytes. */
    public static final int DEFAULT_ENTRIES = 256;
    /** Fewer matches than this are counted afresh each time: under a millisecond. */
    public static final long DEFAULT_MIN_MATCHES = 1_000;

    private final int maxEntries;
    private final long minMatches;
    private final Map<Query, Breakdown> entries;
    private final AtomicLong hits = new AtomicLong(), misses = new AtomicLong();

    /**
     * A cache of at most {@code maxEntries} breakdowns (0 keeps none), each of a query with at least
     * {@code minMatches} matches.
     */
    public BreakdownCache(int maxEntries, long minMatches) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must be 0 or more");
        this.maxEntries = maxEntries;
        this.minMatches = minMatches;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Query, Breakdown> eldest) {
                return size() > BreakdownCache.this.maxEntries;
            }
        };
    }

    /** The default cache: {@value #DEFAULT_ENTRIES} entries of queries with {@value #DEFAULT_MIN_MATCHES} matches or more. */
    public static BreakdownCache standard() {
        return new BreakdownCache(DEFAULT_ENTRIES, DEFAULT_MIN_MATCHES);
    }

    /** A cache that keeps nothing: every search counts afresh. */
    public static BreakdownCache none() {
        return new BreakdownCache(0, Long.MAX_VALUE);
    }

    /** The breakdown of this query, or null when it is not kept. */
    Breakdown get(Query q) {
        Breakdown b;
        synchronized (entries) {
            b = entries.get(q);
        }
        (b == null ? misses : hits).incrementAndGet();
        return b;
    }

    /** Keeps a freshly counted breakdown when the query is broad enough to be worth it. */
    void put(Query q, Breakdown b) {
        if (maxEntries == 0 || b.total() < minMatches) return;
        synchronized (entries) {
            entries.put(q, b);
        }
    }

    /** How many lookups found a breakdown. */
    public long hits() {
        return hits.get();
    }

    /** How many lookups found none. */
    public long misses() {
        return misses.get();
    }

    /** How many breakdowns are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
