package dossier.web;

import dossier.index.Problems;
import dossier.model.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code /problems} and {@code /api/v1/problems}: the inputs the ingest could not fully read, grouped by stage and
 * reason as {@code dossier problems} prints them, so readers know what the archive may be missing.
 */
public final class ProblemsPage {
    private ProblemsPage() {}

    /** Paths listed per group on the page; the API lists them all. */
    static final int PATHS_SHOWN = 200;

    /** One group as the page shows it. */
    public record Group(String stage, String reason, int count, List<String> paths, int hidden) {}

    /** What the page shows. */
    public record View(Frame frame, int total, long files, List<Group> groups) {}

    static List<Problem> read(Site site) {
        try {
            return Problems.read(site.archive());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void show(Site site, Context ctx) {
        List<Problem> all = read(site);
        List<Group> groups = Problems.group(all).stream().map(g -> new Group(g.stage(), g.reason(), g.paths().size(),
                g.paths().subList(0, Math.min(PATHS_SHOWN, g.paths().size())),
                Math.max(0, g.paths().size() - PATHS_SHOWN))).toList();
        site.render(ctx, "problems.jte", new View(site.frame("Problems", ""), all.size(), Problems.files(all), groups));
    }

    static void api(Site site, Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(Problems.json(read(site)).toString());
    }
}
