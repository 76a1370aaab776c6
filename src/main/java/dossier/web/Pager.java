package dossier.web;

import dossier.search.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Links to the first, previous, next and last pages and a window of page numbers around the current one, so a reader
 * reaches the very last result in one click. Pure.
 */
public record Pager(int page, int pages, String first, String previous, String next, String last, List<PageLink> window) {
    public static final Pager NONE = new Pager(1, 0, null, null, null, null, List.of());

    /** A numbered page link; {@code current} marks the page shown. */
    public record PageLink(int number, String href, boolean current) {}

    static int pages(long total, int pageSize) {
        return (int) Math.min(Integer.MAX_VALUE, (total + pageSize - 1) / pageSize);
    }

    static Pager of(String q, SearchRequest.Order sort, int page, int pages) {
        return of(p -> Urls.search(q, sort, p), page, pages);
    }

    /** The pager for any paged list: {@code href} gives the URL of a page number. */
    static Pager of(IntFunction<String> href, int page, int pages) {
        if (pages <= 1) return new Pager(page, pages, null, null, null, null, List.of());
        List<PageLink> window = new ArrayList<>();
        for (int p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) {
            window.add(new PageLink(p, href.apply(p), p == page));
        }
        return new Pager(page, pages,
                page > 1 ? href.apply(1) : null,
                page > 1 ? href.apply(page - 1) : null,
                page < pages ? href.apply(page + 1) : null,
                page < pages ? href.apply(pages) : null,
                window);
    }

    public boolean show() {
        return pages > 1;
    }

    public String pagesText() {
        return String.format(Locale.ROOT, "%,d", pages);
    }
}
