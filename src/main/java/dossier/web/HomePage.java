package dossier.web;

import dossier.search.SearchResult;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /}: what the archive holds (counts, period, top senders) and a search box. */
public final class HomePage {
    private HomePage() {}

    /** What the home page shows. */
    public record View(Frame frame, List<Count> counts, String first, String last, List<FacetLink> senders,
                       long problems, long problemFiles) {}

    /** A labelled number. */
    public record Count(String label, String value) {}

    static void show(Site site, Context ctx) {
        Site.Summary s = site.summary();
        List<Count> counts = new ArrayList<>();
        Map<String, Long> c = s.counts();
        for (String k : List.of("emails", "attachments", "documents")) {
            if (c.containsKey(k)) counts.add(new Count(k, String.format(Locale.ROOT, "%,d", c.get(k))));
        }
        List<FacetLink> senders = new ArrayList<>();
        for (SearchResult.FacetCount f : s.senders()) {
            senders.add(new FacetLink(f.value(), f.count(), Urls.search(Facets.filter("sender", f.value()), null, 1)));
        }
        var problems = ProblemsPage.read(site);
        site.render(ctx, "home.jte", new View(site.frame("", "").withoutSearch(), counts, s.first(), s.last(), senders,
                problems.size(), dossier.index.Problems.files(problems)));
    }
}
