package dossier.web;

import dossier.people.Organisation;
import dossier.search.SearchRequest;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code /organisations/{domain}}: a domain such as {@code rand.org} (with its subdomains): how many emails someone at
 * it takes part in, when, and its people by volume. Organisations live under their own path, not under
 * {@code /people/}, so a domain can never be mistaken for a person's key. A domain nobody wrote from or to is an
 * empty page saying so; something that is not a domain at all is a 404.
 */
public final class OrganisationPage {
    private OrganisationPage() {}

    /** People per page. */
    static final int PAGE_SIZE = 50;

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    /** What an organisation's page shows. */
    public record View(Frame frame, String domain, boolean found, String emails, Histogram timeline,
                       List<PeoplePage.Row> people, long total, String totalText, int from, int to, Pager pager,
                       String searchHref) {}

    static void show(Site site, Context ctx) {
        String raw = Params.key(ctx.pathParam("domain"), "domain");
        String domain = domain(raw);
        if (domain == null) {
            throw WebError.notFound("'" + Params.cut(raw) + "' is not a domain: an organisation is a domain such as rand.org.");
        }
        int page = Params.page(ctx);
        int offset = (page - 1) * PAGE_SIZE;
        Organisation o = site.people().organisation(domain, offset, PAGE_SIZE);
        int pages = Pager.pages(o.people().total(), PAGE_SIZE);
        if (page > Math.max(1, pages)) throw WebError.notFound(PeoplePage.pastTheEnd(page, o.people().total(), "people", pages));
        String query = "domain:" + domain;
        List<PeoplePage.Row> rows = o.people().hits().stream().map(PeoplePage.Row::of).toList();
        site.render(ctx, "organisation.jte", new View(site.frame(domain, ""), domain, o.emails() > 0 || o.people().total() > 0,
                Display.count(o.emails()), Histogram.of(o.months(), f -> Urls.search(Facets.narrow(query, f), SearchRequest.Order.OLDEST, 1)),
                rows, o.people().total(), Display.count(o.people().total()), rows.isEmpty() ? 0 : offset + 1, offset + rows.size(),
                Pager.of(n -> Urls.organisation(domain, n), page, pages), Urls.search(query, SearchRequest.Order.NEWEST, 1)));
    }

    /** The domain in a key, lower-cased and without a leading @; null when it is not shaped like a domain. */
    static String domain(String s) {
        if (s == null) return null;
        String d = s.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) d = d.substring(1);
        return d.length() <= 253 && DOMAIN.matcher(d).matches() ? d : null;
    }
}
