package dossier.web;

import dossier.people.Directory;
import dossier.people.Listing;
import dossier.people.PersonSummary;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /people?q=&sort=&page=}: everyone who sent or received an email, most emails first (or by name), filtered by
 * a part of a name or address. A filter that matches nobody is an empty page saying so, not an error.
 */
public final class PeoplePage {
    private PeoplePage() {}

    /** People per page. */
    static final int PAGE_SIZE = 50;

    /** What the directory shows. */
    public record View(Frame frame, String filter, List<SearchPage.Option> sorts, long total, String totalText,
                       int from, int to, List<Row> people, Pager pager) {}

    /** A person as lists show them; {@code others} says how many more addresses they have. */
    public record Row(String href, String name, String key, String address, int others, String emails, String sent,
                      String received, String first, String last, boolean generic) {
        static Row of(PersonSummary p) {
            String address = p.addresses().isEmpty() ? "" : p.addresses().get(0);
            String name = p.name() == null || p.name().isBlank() ? p.key() : p.name();
            return new Row(Urls.person(p.key()), name, p.key(), address.equals(name) ? "" : address,
                    Math.max(0, p.addresses().size() - 1), Display.count(p.emails()), Display.count(p.sent()),
                    Display.count(p.received()), day(p.first()), day(p.last()), p.generic());
        }
    }

    static void show(Site site, Context ctx) {
        String filter = Params.key(ctx.queryParam("q"), "filter");
        String sortParam = ctx.queryParam("sort");
        Directory.Order order = Directory.Order.parse(sortParam);
        if (order == null) throw WebError.badRequest("Unknown sort '" + Params.cut(sortParam) + "': use volume or name.");
        String sort = order.name().toLowerCase(Locale.ROOT);
        int page = Params.page(ctx);
        int offset = (page - 1) * PAGE_SIZE;
        Listing<PersonSummary> list = site.people().people(filter, order, offset, PAGE_SIZE);
        int pages = Pager.pages(list.total(), PAGE_SIZE);
        if (page > Math.max(1, pages)) throw WebError.notFound(pastTheEnd(page, list.total(), "people", pages));
        List<Row> rows = list.hits().stream().map(Row::of).toList();
        String title = filter.isEmpty() ? "People" : "People matching " + filter;
        site.render(ctx, "people.jte", new View(site.frame(title, ""), filter, sorts(order), list.total(),
                Display.count(list.total()), rows.isEmpty() ? 0 : offset + 1, offset + rows.size(), rows,
                Pager.of(p -> Urls.people(filter, sort, p), page, pages)));
    }

    private static List<SearchPage.Option> sorts(Directory.Order current) {
        List<SearchPage.Option> out = new ArrayList<>();
        out.add(new SearchPage.Option("volume", "Most emails first", current == Directory.Order.VOLUME));
        out.add(new SearchPage.Option("name", "By name", current == Directory.Order.NAME));
        return out;
    }

    /** The message for a page number beyond the last page of a list. */
    static String pastTheEnd(int page, long total, String things, int pages) {
        return String.format(Locale.ROOT, "Page %,d is past the end: the %,d %s end on page %,d.", page, total, things, Math.max(1, pages));
    }

    /** The day of an ISO instant, or empty. */
    static String day(String iso) {
        return iso == null || iso.length() < 10 ? "" : iso.substring(0, 10);
    }
}
