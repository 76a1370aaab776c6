package dossier.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dossier.people.Connection;
import dossier.people.Directory;
import dossier.people.Listing;
import dossier.people.PersonPage;
import dossier.people.PersonSummary;
import dossier.search.ItemJson;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The people, connections, organisations and threads of the JSON API, printed from the same records as
 * {@code dossier people --format json} and {@code dossier connections --format json}, so the command line and the API
 * agree. An unknown person, organisation or thread is a 404 {@code {"error":"…"}}; a connection with nobody in it is
 * an empty connection ({@code "total":0}), as on the command line.
 */
final class PeopleApi {
    private PeopleApi() {}

    /** {@code /api/v1/people?q=&sort=volume|name&offset=&limit=}. */
    static void people(Site site, Context ctx) {
        String filter = Params.key(ctx.queryParam("q"), "filter");
        String sort = ctx.queryParam("sort");
        Directory.Order order = Directory.Order.parse(sort);
        if (order == null) throw WebError.badRequest("Unknown sort '" + Params.cut(sort) + "': use volume or name.");
        Listing<PersonSummary> list = site.people().people(filter, order, offset(ctx), limit(ctx, 50));
        json(ctx, list);
    }

    /** {@code /api/v1/people/{key}?offset=&limit=}: the person's page, emails newest first. */
    static void person(Site site, Context ctx) {
        String key = Params.key(ctx.pathParam("key"), "person's key");
        Optional<PersonPage> p = key.isEmpty() ? Optional.empty() : site.people().person(key, offset(ctx), limit(ctx, 20));
        json(ctx, p.orElseThrow(() -> WebError.notFound("Nobody in this archive is known as '" + Params.cut(key) + "'.")));
    }

    /** {@code /api/v1/connections?a=&b=&offset=&limit=}: emails oldest first. */
    static void connection(Site site, Context ctx) {
        String a = Params.key(ctx.queryParam("a"), "first person (a)");
        String b = Params.key(ctx.queryParam("b"), "second person or domain (b)");
        if (a.isEmpty() || b.isEmpty()) throw WebError.badRequest("The parameters 'a' (a person) and 'b' (a person or a domain) are required.");
        Connection c = site.people().connection(a, b, offset(ctx), limit(ctx, 20));
        json(ctx, c);
    }

    /** {@code /api/v1/organisations/{domain}?offset=&limit=}: the domain's emails per month and its people. */
    static void organisation(Site site, Context ctx) {
        String raw = Params.key(ctx.pathParam("domain"), "domain");
        String domain = OrganisationPage.domain(raw);
        if (domain == null) throw WebError.notFound("'" + Params.cut(raw) + "' is not a domain such as rand.org.");
        json(ctx, site.people().organisation(domain, offset(ctx), limit(ctx, 50)));
    }

    /** {@code /api/v1/threads/{id}}: the whole thread as a flattened tree (each node names its parent and depth). */
    static void thread(Site site, Context ctx) {
        long id = Params.id(ctx, "thread");
        json(ctx, site.people().thread(id).orElseThrow(() -> WebError.notFound("There is no thread with the id or an email " + id + ".")));
    }

    private static int offset(Context ctx) {
        return Params.integer(ctx, "offset", 0, 0, Api.MAX_OFFSET);
    }

    private static int limit(Context ctx, int dflt) {
        return Params.integer(ctx, "limit", dflt, 0, Api.MAX_LIMIT);
    }

    private static void json(Context ctx, Object value) {
        try {
            Api.json(ctx, ItemJson.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
