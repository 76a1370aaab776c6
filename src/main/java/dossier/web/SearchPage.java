package dossier.web;

import dossier.search.Hit;
import dossier.search.QueryException;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import dossier.search.Snippets;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /search?q=…&sort=…&page=…}: the total, facets that add filters, highlighted hits, a histogram over time and
 * paging to the very last result. Every state is in the URL.
 */
public final class SearchPage {
    private SearchPage() {}

    /** Results per page. */
    static final int PAGE_SIZE = 20;
    /** Largest page number accepted; far beyond any archive, small enough that offsets stay ints. */
    static final int MAX_PAGE = 100_000_000;

    /** What the search page shows; {@code result} is false for the empty form. */
    public record View(Frame frame, String query, List<Option> sorts, boolean result, long total, String totalText,
                       int from, int to, List<HitView> hits, List<FacetGroup> facets, Histogram histogram, Pager pager) {}

    /** A sort choice in the form. */
    public record Option(String value, String label, boolean selected) {}

    /** One hit as the list shows it. */
    public record HitView(long id, String kind, String title, String date, String from, String to, String snippetHtml,
                          long parent, String href, int attachments) {}

    /** One facet dimension with its values. */
    public record FacetGroup(String label, List<FacetLink> values) {}

    static void show(Site site, Context ctx) throws QueryException {
        String q = Params.query(ctx);
        SearchRequest.Order sort = Params.sort(ctx);
        int page = Params.integer(ctx, "page", 1, 1, MAX_PAGE);
        Frame frame = site.frame(q.isEmpty() ? "Search" : q, q).withoutSearch();
        if (q.isEmpty()) {
            site.render(ctx, "search.jte", new View(frame, q, sorts(sort), false, 0, "0", 0, 0, List.of(), List.of(),
                    Histogram.of(java.util.Map.of(), q, sort), Pager.NONE));
            return;
        }
        Searcher searcher = site.searcher();
        // Counting first keeps a page past the end from asking Lucene to collect millions of hits, and lets it 404.
        long total = searcher.count(q);
        int pages = Pager.pages(total, PAGE_SIZE);
        if (page > Math.max(1, pages)) {
            throw WebError.notFound(String.format(Locale.ROOT, "Page %,d is past the end: the %,d results of this search end on page %,d.",
                    page, total, pages));
        }
        int offset = (page - 1) * PAGE_SIZE;
        SearchResult r = searcher.search(new SearchRequest(q, sort, offset, PAGE_SIZE, true, true));
        List<HitView> hits = new ArrayList<>();
        for (Hit h : r.hits()) hits.add(hitView(h));
        site.render(ctx, "search.jte", new View(frame, q, sorts(sort), true, r.total(), String.format(Locale.ROOT, "%,d", r.total()),
                hits.isEmpty() ? 0 : offset + 1, offset + hits.size(), hits, facets(r, q, sort),
                Histogram.of(r.months(), q, sort), Pager.of(q, sort, page, pages)));
    }

    static HitView hitView(Hit h) {
        String to = h.to().isEmpty() ? "" : h.to().size() == 1 ? h.to().get(0) : h.to().get(0) + " and " + (h.to().size() - 1) + " more";
        String title = h.title() == null || h.title().isBlank() ? "(no subject)" : h.title();
        return new HitView(h.id(), h.kind(), title, Display.date(h.date()), h.from() == null ? "" : h.from(), to,
                Snippets.html(h.snippet()), h.parent(), Urls.item(h.id()), h.attachments());
    }

    private static List<FacetGroup> facets(SearchResult r, String q, SearchRequest.Order sort) {
        List<FacetGroup> out = new ArrayList<>();
        for (var dim : r.facets().entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            List<FacetLink> values = new ArrayList<>();
            for (SearchResult.FacetCount fc : dim.getValue()) {
                String narrowed = Facets.narrow(q, Facets.filter(dim.getKey(), fc.value()));
                values.add(new FacetLink(fc.value(), fc.count(), Urls.search(narrowed, sort, 1)));
            }
            out.add(new FacetGroup(Facets.LABELS.getOrDefault(dim.getKey(), dim.getKey()), values));
        }
        return out;
    }

    private static List<Option> sorts(SearchRequest.Order current) {
        List<Option> out = new ArrayList<>();
        for (SearchRequest.Order o : SearchRequest.Order.values()) {
            String v = o.name().toLowerCase(Locale.ROOT);
            String label = switch (o) {
                case RELEVANCE -> "Best match";
                case NEWEST -> "Newest first";
                case OLDEST -> "Oldest first";
            };
            out.add(new Option(v, label, o == current));
        }
        return out;
    }
}
