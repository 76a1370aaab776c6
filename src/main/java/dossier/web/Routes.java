package dossier.web;

import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * Every URL the archive answers (DESIGN 6), in one place. Pages for people, threads and connections register here
 * too, and add their entry to {@link #NAV}.
 */
public final class Routes {
    private Routes() {}

    /** The main navigation every page shows, in order. */
    public static final List<Frame.Link> NAV = List.of(
            new Frame.Link("Search", "/"),
            new Frame.Link("Query help", "/help/search"),
            new Frame.Link("API", "/api/v1/openapi.json"));

    static void register(RoutesConfig r, Site site) {
        r.get("/", ctx -> HomePage.show(site, ctx));
        r.get("/search", ctx -> SearchPage.show(site, ctx));
        r.get("/items/{id}", ctx -> ItemPage.show(site, ctx));
        r.get("/items/{id}/original", ctx -> Originals.send(site, ctx));
        r.get("/help/search", ctx -> HelpPage.show(site, ctx));

        r.get("/api/v1/search", ctx -> Api.search(site, ctx));
        r.get("/api/v1/items/{id}", ctx -> Api.item(site, ctx));
        r.get("/api/v1/export", ctx -> Export.send(site, ctx));
        r.get("/api/v1/openapi.json", ctx -> StaticFiles.send(ctx, "openapi.json"));

        r.get("/static/{file}", ctx -> StaticFiles.send(ctx, ctx.pathParam("file")));
        r.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
    }
}
