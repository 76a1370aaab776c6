package dossier.search;

import dossier.index.Schema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * What a query's matches break down into: the exact total, the top values of each facet dimension, and the number
 * of matches per month ({@code "2001-05" → 120}, in month order). Depends only on the query, not on the order or
 * the page, so one breakdown serves every page of a search. Immutable.
 */
public record Breakdown(long total, Map<String, List<SearchResult.FacetCount>> facets, Map<String, Long> months) {
    public Breakdown {
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
        months = Collections.unmodifiableMap(new TreeMap<>(months));
    }

    /** How many values of each dimension are shown: every year, the top ten of the rest. */
    private static int topN(String dim) {
        return dim.equals("year") ? 100 : 10;
    }

    /**
     * Counts the matches a facets collector gathered: all dimensions in Lucene's one pass over the shared facet
     * field, then the months in one pass over the date doc values. {@code state} is null for an index without facets.
     */
    static Breakdown count(SortedSetDocValuesReaderState state, FacetsCollector fc) throws IOException {
        long total = 0;
        for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) total += m.totalHits();
        return new Breakdown(total, facets(state, fc), months(fc));
    }

    private static Map<String, List<SearchResult.FacetCount>> facets(SortedSetDocValuesReaderState state, FacetsCollector fc)
            throws IOException {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        if (state == null) return out;
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (var dim : Searcher.FACET_DIMS.entrySet()) {
            List<SearchResult.FacetCount> values = new ArrayList<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(topN(dim.getKey()), dim.getValue());
            } catch (IllegalArgumentException notIndexedYet) {
                r = null;
            }
            if (r != null) for (LabelAndValue lv : r.labelValues) values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
            if (dim.getKey().equals("year")) values.sort(Comparator.comparing(SearchResult.FacetCount::value));
            out.put(dim.getKey(), List.copyOf(values));
        }
        return out;
    }

    /** First year counted in a plain array; dates outside the array's two centuries go to a map. */
    private static final int FIRST_YEAR = 1900, YEARS = 200;

    /**
     * Months by arithmetic on the epoch day, counted in an array: formatting a date per match cost more than
     * counting every facet (100 ms over 200,000 matches), so only the distinct months are formatted, once each.
     */
    private static Map<String, Long> months(FacetsCollector fc) throws IOException {
        long[] dense = new long[YEARS * 12];
        Map<Long, Long> sparse = new HashMap<>();
        for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
            NumericDocValues dates = m.context().reader().getNumericDocValues(Schema.DATE);
            if (dates == null || m.bits() == null) continue;
            DocIdSetIterator it = m.bits().iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (!dates.advanceExact(doc)) continue;
                long month = month(dates.longValue());
                long i = month - FIRST_YEAR * 12L;
                if (i >= 0 && i < dense.length) dense[(int) i]++;
                else sparse.merge(month, 1L, Long::sum);
            }
        }
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < dense.length; i++) if (dense[i] > 0) out.put(label(FIRST_YEAR * 12L + i), dense[i]);
        sparse.forEach((month, n) -> out.merge(label(month), n, Long::sum));
        return out;
    }

    /** Months since year 0 (year × 12 + month − 1) of a UTC instant in epoch milliseconds. */
    static long month(long epochMillis) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L));
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    /** "2001-05", as the histogram and the date: operator spell a month. */
    static String label(long month) {
        return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }
}
