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

    /** A person's page; the key is one path segment (an address keeps its @). */
    public static String person(String key) {
        return "/people/" + segment(key);
    }

    /** A person's page at a page of their emails. */
    public static String person(String key, int page) {
        return page > 1 ? person(key) + "?page=" + page : person(key);
    }

    /** The people directory, filtered and sorted; defaults are left out. */
    public static String people(String filter, String sort, int page) {
        StringBuilder b = new StringBuilder("/people");
        String sep = "?";
        if (filter != null && !filter.isBlank()) { b.append(sep).append("q=").append(encode(filter)); sep = "&"; }
        if (sort != null && !sort.equals("volume")) { b.append(sep).append("sort=").append(sort); sep = "&"; }
        if (page > 1) b.append(sep).append("page=").append(page);
        return b.toString();
    }

    /** An organisation's page: a domain and its people. */
    public static String organisation(String domain) {
        return "/organisations/" + segment(domain);
    }

    public static String organisation(String domain, int page) {
        return page > 1 ? organisation(domain) + "?page=" + page : organisation(domain);
    }

    /** Every email connecting a and b (a person, or a domain). */
    public static String connection(String a, String b, int page) {
        return "/connections?a=" + encode(a) + "&b=" + encode(b) + (page > 1 ? "&page=" + page : "");
    }

    public static String thread(long id, int page) {
        return page > 1 ? thread(id) + "?page=" + page : thread(id);
    }

    /** A value as one path segment: percent-encoded, spaces as %20, @ left readable. */
    static String segment(String s) {
        return encode(s).replace("+", "%20").replace("%40", "@");
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
