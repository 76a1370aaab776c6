package dossier.web;

import dossier.index.PeopleStore;
import dossier.people.PersonPage;
import dossier.people.PersonSummary;
import dossier.search.SearchRequest;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /people/{key}}: one person (by key, any of their addresses, or a name only they were written as): addresses
 * and names, period, counts, a timeline, the strongest correspondents and the domains they wrote to (each linking to
 * the emails that connect them), a small graph, and their emails newest first. Nobody by that name is an empty page
 * saying so, not an error.
 */
public final class ProfilePage {
    private ProfilePage() {}

    /** Emails per page. */
    static final int PAGE_SIZE = 20;

    /**
     * What a person's page shows; {@code found} is false for an unknown key, and then only {@code key},
     * {@code peopleHref} and {@code organisationHref} (when the key looks like a domain) are filled in.
     */
    public record View(Frame frame, String key, boolean found, String name, List<String> addresses, List<String> names,
                       String first, String last, String emails, String sent, String received, boolean generic,
                       Histogram timeline, String graphSvg, List<Tie> correspondents, List<Tie> domains,
                       List<SearchPage.HitView> hits, int from, int to, String listed, Pager pager,
                       String searchHref, String peopleHref, String organisationHref) {
        public String apiHref() { return "/api/v1/people/" + Urls.segment(key); }
    }

    /**
     * A correspondent or domain: its own page, how many emails, and the page of the emails connecting it to this
     * person.
     */
    public record Tie(String label, String detail, String href, String count, String connectionHref) {}

    static void show(Site site, Context ctx) {
        String key = Params.key(ctx.pathParam("key"), "person's key");
        int page = Params.page(ctx);
        int offset = (page - 1) * PAGE_SIZE;
        Optional<PersonPage> found = key.isEmpty() ? Optional.empty() : site.people().person(key, offset, PAGE_SIZE);
        if (found.isEmpty()) {
            String domain = OrganisationPage.domain(key);
            site.render(ctx, "person.jte", new View(site.frame(key, ""), key, false, key, List.of(), List.of(), "", "",
                    "0", "0", "0", false, Histogram.of(java.util.Map.of(), f -> null), "", List.of(), List.of(),
                    List.of(), 0, 0, "0", Pager.NONE, null, Urls.people(key, null, 1),
                    domain == null ? null : Urls.organisation(domain)));
            return;
        }
        PersonPage p = found.get();
        PersonSummary s = p.person();
        int pages = Pager.pages(p.emails().total(), PAGE_SIZE);
        if (page > Math.max(1, pages)) throw WebError.notFound(PeoplePage.pastTheEnd(page, p.emails().total(), "emails", pages));
        String query = site.people().query(s.key()).filter(q -> q.length() <= Params.MAX_QUERY).orElse(null);
        Function<String, String> bar = query == null ? f -> null
                : f -> Urls.search(Facets.narrow(query, f), SearchRequest.Order.OLDEST, 1);
        List<Tie> correspondents = p.correspondents().stream().map(c -> tie(s, c)).toList();
        List<Tie> domains = p.domains().stream().map(d -> tie(s, d)).toList();
        List<SearchPage.HitView> hits = p.emails().hits().stream().map(SearchPage::hitView).toList();
        String name = PeoplePage.Row.of(s).name();
        site.render(ctx, "person.jte", new View(site.frame(name, ""), s.key(), true, name, s.addresses(), otherNames(p, name),
                Display.date(s.first()), Display.date(s.last()), Display.count(s.emails()), Display.count(s.sent()),
                Display.count(s.received()), s.generic(), Histogram.of(p.months(), bar), site.people().graph(s.key()).orElse(""),
                correspondents, domains, hits, hits.isEmpty() ? 0 : offset + 1, offset + hits.size(),
                Display.count(p.emails().total()), Pager.of(n -> Urls.person(s.key(), n), page, pages),
                query == null ? null : Urls.search(query, SearchRequest.Order.NEWEST, 1), null, null));
    }

    private static Tie tie(PersonSummary p, PeopleStore.Correspondent c) {
        String label = c.name() == null || c.name().isBlank() ? c.key() : c.name();
        return new Tie(label, label.equals(c.key()) ? "" : c.key(), Urls.person(c.key()), Display.count(c.emails()),
                Urls.connection(p.key(), c.key(), 1));
    }

    private static Tie tie(PersonSummary p, PeopleStore.DomainCount d) {
        return new Tie(d.domain(), "", Urls.organisation(d.domain()), Display.count(d.emails()),
                Urls.connection(p.key(), d.domain(), 1));
    }

    private static List<String> otherNames(PersonPage p, String shown) {
        return p.names().stream().filter(n -> !n.equals(shown)).toList();
    }
}
