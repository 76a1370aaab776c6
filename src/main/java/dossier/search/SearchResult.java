package dossier.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results with the exact total, and when asked, facet counts by dimension and the number of hits per month
 * ({@code "2001-05" → 120}, in month order).
 */
public record SearchResult(long total, int offset, List<Hit> hits, Map<String, List<FacetCount>> facets,
                           Map<String, Long> months) {
    /** One facet value and how many hits have it. */
    public record FacetCount(String value, long count) {}
}
