package dossier.web;

import dossier.people.Connection;
import dossier.people.Directory;
import dossier.people.PersonSummary;
import dossier.search.SearchRequest;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /connections?a=&b=&page=}: every email in which a person and another person (or a domain) both take part,
 * oldest first so the exchange reads in order, with how many each sent the other and a timeline. An unknown side or
 * two people who never wrote is an empty page saying so, not an error.
 */
public final class ConnectionPage {
    private ConnectionPage() {}

    /** Emails per page. */
    static final int PAGE_SIZE = 20;

    /** What the connection page shows; {@code message} explains an empty page, and is null otherwise. */
    public record View(Frame frame, String a, String b, boolean asked, Side left, Side right, String message,
                       long total, String totalText, String aToB, String bToA, Histogram timeline,
                       List<SearchPage.HitView> hits, int from, int to, Pager pager, String searchHref, String apiHref) {}

    /** One side: what the reader typed, the name it resolved to and its page (null when nobody matched). */
    public record Side(String label, String detail, String href) {}

    static void show(Site site, Context ctx) {
        String a = Params.key(ctx.queryParam("a"), "first person (a)");
        String b = Params.key(ctx.queryParam("b"), "second person or domain (b)");
        int page = Params.page(ctx);
        String title = a.isEmpty() || b.isEmpty() ? "Connections" : a + " and " + b;
        if (a.isEmpty() || b.isEmpty()) {
            String message = a.isEmpty() && b.isEmpty() ? null : "Give both sides: a person in the first box, a person or a domain in the second.";
            site.render(ctx, "connection.jte", new View(site.frame(title, ""), a, b, false, null, null, message, 0, "0",
                    "0", "0", Histogram.of(java.util.Map.of(), f -> null), List.of(), 0, 0, Pager.NONE, null, null));
            return;
        }
        int offset = (page - 1) * PAGE_SIZE;
        Directory people = site.people();
        Connection c = people.connection(a, b, offset, PAGE_SIZE);
        int pages = Pager.pages(c.total(), PAGE_SIZE);
        if (page > Math.max(1, pages)) throw WebError.notFound(PeoplePage.pastTheEnd(page, c.total(), "emails", pages));
        Side left = side(a, c.a(), null);
        Side right = side(b, c.b(), c.domain());
        String query = query(people, c);
        Function<String, String> bar = query == null ? f -> null : f -> Urls.search(Facets.narrow(query, f), SearchRequest.Order.OLDEST, 1);
        List<SearchPage.HitView> hits = c.emails().hits().stream().map(SearchPage::hitView).toList();
        site.render(ctx, "connection.jte", new View(site.frame(left.label() + " and " + right.label(), ""), a, b, true,
                left, right, message(c, left, right), c.total(), Display.count(c.total()), Display.count(c.aToB()),
                Display.count(c.bToA()), Histogram.of(c.months(), bar), hits, hits.isEmpty() ? 0 : offset + 1,
                offset + hits.size(), Pager.of(n -> Urls.connection(a, b, n), page, pages),
                query == null || c.isEmpty() ? null : Urls.search(query, SearchRequest.Order.OLDEST, 1),
                "/api/v1" + Urls.connection(a, b, 1)));
    }

    private static Side side(String typed, PersonSummary p, String domain) {
        if (domain != null) return new Side(domain, "organisation", Urls.organisation(domain));
        if (p == null) return new Side(typed, "", null);
        String name = PeoplePage.Row.of(p).name();
        return new Side(name, name.equals(p.key()) ? "" : p.key(), Urls.person(p.key()));
    }

    private static String message(Connection c, Side left, Side right) {
        if (c.a() == null) return "Nobody in this archive is known as “" + left.label() + "”.";
        if (c.b() == null && c.domain() == null) {
            return "Nobody in this archive is known as “" + right.label() + "”, and it is not a domain.";
        }
        if (c.isEmpty()) return "No email connects " + left.label() + " and " + right.label() + ".";
        return null;
    }

    /** The same emails in the query language, for the search link; null when too long to link. */
    private static String query(Directory people, Connection c) {
        if (c.a() == null || c.b() == null && c.domain() == null) return null;
        String qa = people.query(c.a().key()).orElse(null);
        String qb = c.domain() != null ? "domain:" + c.domain() : people.query(c.b().key()).orElse(null);
        if (qa == null || qb == null) return null;
        String q = qa + " " + qb;
        return q.length() <= Params.MAX_QUERY ? q : null;
    }
}
