package dossier.web;

import dossier.index.Archive;
import dossier.index.BlobStore;
import dossier.model.Item;
import dossier.model.Original;
import dossier.people.Directory;
import dossier.search.QueryException;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What every handler shares: the archive, its searcher and blobs, the precompiled templates, and the archive summary
 * the home page shows (computed once: a published archive is read-only). Thread-safe.
 */
public final class Site {
    private final Archive archive;
    private final CompletableFuture<Searcher> searcher;
    private final BlobStore blobs;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final String name;
    private volatile Summary summary;
    private volatile Directory people;

    /** The searcher may still be opening; handlers only run once it is open. */
    Site(Archive archive, CompletableFuture<Searcher> searcher) {
        this.archive = archive;
        this.searcher = searcher;
        this.blobs = new BlobStore(archive.blobsDir());
        String n = archive.info().name();
        this.name = n == null || n.isBlank() ? archive.dir().toAbsolutePath().normalize().getFileName().toString() : n;
    }

    public Archive archive() { return archive; }
    public Searcher searcher() { return searcher.join(); }
    public BlobStore blobs() { return blobs; }
    public String name() { return name; }

    /** People, connections and threads over the searcher's index; the directory file is read on first use. */
    public Directory people() {
        Directory d = people;
        if (d == null) {
            synchronized (this) {
                if (people == null) people = Directory.open(searcher());
                d = people;
            }
        }
        return d;
    }

    /** The page of a person known by this address or name, or null: a map lookup once the directory is loaded. */
    public String personHref(String addressOrName) {
        if (addressOrName == null || addressOrName.isBlank() || addressOrName.length() > Params.MAX_KEY) return null;
        return people().find(addressOrName).map(p -> Urls.person(p.key())).orElse(null);
    }

    /** The frame for a page with this title, keeping the query in the header's search box. */
    public Frame frame(String title, String query) {
        return new Frame(title, name, query == null ? "" : query, true, Routes.NAV);
    }

    /** Renders a template with its one parameter as the HTML response. */
    public void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        templates.render(template, model, out);
        ctx.html(visible(out.toString()));
    }

    /**
     * The page with each control character but tab, line feed, form feed and carriage return as U+FFFD. Templates
     * escape markup, not these: a NUL from a hostile subject or body, or from an archive built before addresses were
     * cleaned, would otherwise reach the browser raw, where HTML makes it a parse error.
     */
    static String visible(String html) {
        StringBuilder b = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                if (b != null) b.append(c);
            } else {
                if (b == null) b = new StringBuilder(html.length()).append(html, 0, i);
                b.append('\uFFFD');
            }
        }
        return b == null ? html : b.toString();
    }

    /** An item, or a 404 saying there is none. */
    public Item item(long id) {
        return searcher().item(id).orElseThrow(() -> WebError.notFound("There is no item " + id + " in this archive."));
    }

    /** What downloading an item's original needs (its text and detail are not read), or a 404 saying there is none. */
    public Original original(long id) {
        return searcher().original(id).orElseThrow(() -> WebError.notFound("There is no item " + id + " in this archive."));
    }

    /** What the archive holds: counts, period and top senders. */
    public record Summary(Map<String, Long> counts, String first, String last, List<SearchResult.FacetCount> senders) {}

    /** The summary, computed on first use. */
    public Summary summary() {
        Summary s = summary;
        if (s != null) return s;
        try {
            SearchResult all = searcher().search(new SearchRequest("*", SearchRequest.Order.RELEVANCE, 0, 0, true, false));
            List<String> months = List.copyOf(all.months().keySet());
            s = new Summary(archive.info().counts(), months.isEmpty() ? null : months.get(0),
                    months.isEmpty() ? null : months.get(months.size() - 1),
                    all.facets().getOrDefault("sender", List.of()));
        } catch (QueryException e) {
            throw new IllegalStateException("'*' must always parse", e);
        }
        return summary = s;
    }
}
