package dossier.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.search.ItemJson;
import dossier.search.QueryException;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The JSON API under {@code /api/v1/}: the same shapes as the command line's JSON ({@link ItemJson}), so a search
 * here and {@code dossier search --format json} print the same thing. Errors are {@code {"error":"…"}}.
 */
final class Api {
    private Api() {}

    /** Hits per request at most; export streams any number. */
    static final int MAX_LIMIT = 1_000;
    static final int MAX_OFFSET = 1_000_000_000;

    /** {@code /api/v1/search?q=&sort=&offset=&limit=&facets=}. */
    static void search(Site site, Context ctx) throws QueryException {
        String q = Params.query(ctx);
        if (q.isEmpty()) throw WebError.badRequest("The parameter 'q' is required: a query, or * for every item.");
        SearchRequest.Order sort = Params.sort(ctx);
        int offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
        int limit = Params.integer(ctx, "limit", 20, 0, MAX_LIMIT);
        boolean facets = Params.flag(ctx, "facets");
        SearchResult r = site.searcher().search(new SearchRequest(q, sort, offset, limit, facets, true));
        ObjectNode o = ItemJson.result(r);
        if (facets) {
            ObjectNode f = o.putObject("facets");
            for (Map.Entry<String, List<SearchResult.FacetCount>> dim : r.facets().entrySet()) {
                ArrayNode values = f.putArray(dim.getKey());
                for (SearchResult.FacetCount fc : dim.getValue()) values.addObject().put("value", fc.value()).put("count", fc.count());
            }
            ObjectNode months = o.putObject("months");
            r.months().forEach(months::put);
        }
        json(ctx, o.toString());
    }

    /** {@code /api/v1/items/{id}}. */
    static void item(Site site, Context ctx) {
        json(ctx, ItemJson.item(site.item(Params.id(ctx))).toString());
    }

    static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    /** The body of an API error. */
    static String error(String message) {
        return ItemJson.MAPPER.createObjectNode().put("error", message).toString();
    }
}
