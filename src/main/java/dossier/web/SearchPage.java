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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                       int from, int to, List<HitView> hits, List<FacetGroup> facets, Histogram histogram, Pager pager,
                       List<Frame.Link> related) {}

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
                    Histogram.of(java.util.Map.of(), q, sort), Pager.NONE, List.of()));
            return;
        }
        Searcher searcher = site.searcher();
        // Counting first keeps a page past the end from asking Lucene to collect millions of hits, and lets it 404.
        // The first page is never past the end, and the search counts exactly anyway: no need to count it twice.
        if (page > 1) {
            long total = searcher.count(q);
            int pages = Pager.pages(total, PAGE_SIZE);
            if (page > Math.max(1, pages)) {
                throw WebError.notFound(String.format(Locale.ROOT, "Page %,d is past the end: the %,d results of this search end on page %,d.",
                        page, total, pages));
            }
        }
        int offset = (page - 1) * PAGE_SIZE;
        SearchResult r = searcher.search(new SearchRequest(q, sort, offset, PAGE_SIZE, true, true));
        int pages = Pager.pages(r.total(), PAGE_SIZE);
        List<HitView> hits = new ArrayList<>();
        for (Hit h : r.hits()) hits.add(hitView(h));
        site.render(ctx, "search.jte", new View(frame, q, sorts(sort), true, r.total(), String.format(Locale.ROOT, "%,d", r.total()),
                hits.isEmpty() ? 0 : offset + 1, offset + hits.size(), hits, facets(site, r, q, sort),
                Histogram.of(r.months(), q, sort), Pager.of(q, sort, page, pages), related(site, q)));
    }

    static HitView hitView(Hit h) {
        String to = h.to().isEmpty() ? "" : h.to().size() == 1 ? h.to().get(0) : h.to().get(0) + " and " + (h.to().size() - 1) + " more";
        String title = h.title() == null || h.title().isBlank() ? "(no subject)" : h.title();
        return new HitView(h.id(), h.kind(), title, Display.date(h.date()), h.from() == null ? "" : h.from(), to,
                Snippets.html(h.snippet()), h.parent(), Urls.item(h.id()), h.attachments());
    }

    private static List<FacetGroup> facets(Site site, SearchResult r, String q, SearchRequest.Order sort) {
        List<FacetGroup> out = new ArrayList<>();
        for (var dim : r.facets().entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            List<FacetLink> values = new ArrayList<>();
            for (SearchResult.FacetCount fc : dim.getValue()) {
                String narrowed = Facets.narrow(q, Facets.filter(dim.getKey(), fc.value()));
                values.add(withPage(site, dim.getKey(), new FacetLink(fc.value(), fc.count(), Urls.search(narrowed, sort, 1))));
            }
            out.add(new FacetGroup(Facets.LABELS.getOrDefault(dim.getKey(), dim.getKey()), values));
        }
        return out;
    }

    /** A sender or recipient links to the person's page, a domain to the organisation's. */
    private static FacetLink withPage(Site site, String dim, FacetLink f) {
        String page = switch (dim) {
            case "sender", "recipient" -> site.personHref(f.value());
            case "domain" -> OrganisationPage.domain(f.value()) == null ? null : Urls.organisation(f.value());
            default -> null;
        };
        if (page == null) return f;
        String label = dim.equals("domain") ? "Organisation page of " : "Person page of ";
        return new FacetLink(f.value(), f.count(), f.href(), page, label + f.value());
    }

    private static final Pattern OPERATOR = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(from|to|cc|bcc|participant|domain):(\"[^\"]{1,200}\"|[^\\s()\"]{1,200})");

    /**
     * Pages for the people and domains named by the query's {@code from: to: cc: bcc: participant: domain:} words:
     * their own page when one matches exactly, the people whose name contains the words otherwise, and the connection
     * between the first two that match.
     */
    static List<Frame.Link> related(Site site, String q) {
        List<Frame.Link> links = new ArrayList<>();
        List<String> persons = new ArrayList<>(), domains = new ArrayList<>();
        Matcher m = OPERATOR.matcher(q);
        while (m.find() && links.size() < 6) {
            String value = m.group(2).replace("\"", "").strip();
            if (value.isEmpty() || value.endsWith("*")) continue;
            if (m.group(1).equalsIgnoreCase("domain")) {
                String d = OrganisationPage.domain(value);
                if (d == null) continue;
                links.add(new Frame.Link(d, Urls.organisation(d)));
                domains.add(d);
                continue;
            }
            var person = site.people().find(value);
            if (person.isPresent()) {
                var p = person.get();
                links.add(new Frame.Link(p.name() == null || p.name().isBlank() ? p.key() : p.name(), Urls.person(p.key())));
                if (!persons.contains(p.key())) persons.add(p.key());
            } else {
                links.add(new Frame.Link("people matching " + value, Urls.people(value, null, 1)));
            }
        }
        // A connection needs a person first; the second side is a person or a domain.
        persons.addAll(domains);
        if (persons.size() >= 2 && !domains.contains(persons.get(0))) {
            links.add(new Frame.Link("emails between " + persons.get(0) + " and " + persons.get(1),
                    Urls.connection(persons.get(0), persons.get(1), 1)));
        }
        return links;
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
