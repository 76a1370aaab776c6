package dossier.web;

import dossier.search.SearchRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Builds the archive's URLs, so every page links the same way (DESIGN 6). */
public final class Urls {
    private Urls() {}

    public static String item(long id) {
        return "/items/" + id;
    }

    public static String original(long id) {
        return "/items/" + id + "/original";
    }

    public static String inlineImage(long id) {
        return "/items/" + id + "/original?inline=1";
    }

    public static String thread(long id) {
        return "/threads/" + id;
    }

    /** A search page; the default sort and the first page are left out so URLs stay short. */
    public static String search(String q, SearchRequest.Order sort, int page) {
        StringBuilder b = new StringBuilder("/search?q=").append(encode(q));
        if (sort != null && sort != SearchRequest.Order.RELEVANCE) b.append("&sort=").append(sort.name().toLowerCase(Locale.ROOT));
        if (page > 1) b.append("&page=").append(page);
        return b.toString();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
