package dossier.web;

import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * Every URL the archive answers (DESIGN 6), in one place, with the main navigation.
 */
public final class Routes {
    private Routes() {}

    /** The main navigation every page shows, in order. */
    public static final List<Frame.Link> NAV = List.of(
            new Frame.Link("Search", "/"),
            new Frame.Link("People", "/people"),
            new Frame.Link("Query help", "/help/search"),
            new Frame.Link("API", "/api/v1/openapi.json"));

    static void register(RoutesConfig r, Site site) {
        r.get("/", ctx -> HomePage.show(site, ctx));
        r.get("/search", ctx -> SearchPage.show(site, ctx));
        r.get("/items/{id}", ctx -> ItemPage.show(site, ctx));
        r.get("/items/{id}/original", ctx -> Originals.send(site, ctx));
        r.get("/people", ctx -> PeoplePage.show(site, ctx));
        r.get("/people/{key}", ctx -> ProfilePage.show(site, ctx));
        r.get("/organisations/{domain}", ctx -> OrganisationPage.show(site, ctx));
        r.get("/connections", ctx -> ConnectionPage.show(site, ctx));
        r.get("/threads/{id}", ctx -> ThreadPage.show(site, ctx));
        r.get("/help/search", ctx -> HelpPage.show(site, ctx));
        r.get("/problems", ctx -> ProblemsPage.show(site, ctx));

        r.get("/api/v1/search", ctx -> Api.search(site, ctx));
        r.get("/api/v1/items/{id}", ctx -> Api.item(site, ctx));
        r.get("/api/v1/export", ctx -> Export.send(site, ctx));
        r.get("/api/v1/people", ctx -> PeopleApi.people(site, ctx));
        r.get("/api/v1/people/{key}", ctx -> PeopleApi.person(site, ctx));
        r.get("/api/v1/organisations/{domain}", ctx -> PeopleApi.organisation(site, ctx));
        r.get("/api/v1/connections", ctx -> PeopleApi.connection(site, ctx));
        r.get("/api/v1/threads/{id}", ctx -> PeopleApi.thread(site, ctx));
        r.get("/api/v1/problems", ctx -> ProblemsPage.api(site, ctx));
        r.get("/api/v1/openapi.json", ctx -> StaticFiles.send(ctx, "openapi.json"));

        r.get("/static/{file}", ctx -> StaticFiles.send(ctx, ctx.pathParam("file")));
        r.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
    }
}
