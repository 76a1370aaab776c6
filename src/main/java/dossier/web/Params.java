package dossier.web;

import dossier.search.SearchRequest;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Reads URL parameters strictly: anything malformed is a {@link WebError} with a message saying which parameter
 * and what it should be, so garbage never reaches the search layer.
 */
public final class Params {
    private Params() {}

    /** Longest query accepted, in characters: long enough for any hand-written query, short of a denial of service. */
    public static final int MAX_QUERY = 2_000;

    /** The query, stripped; empty when absent. */
    public static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) return "";
        if (q.length() > MAX_QUERY) {
            throw WebError.badRequest(String.format(Locale.ROOT, "The query is too long (%,d characters; at most %,d).", q.length(), MAX_QUERY));
        }
        // The snippet markers are control characters; no query needs them.
        return q.replace('\u0002', ' ').replace('\u0003', ' ').strip();
    }

    /** The sort order; relevance when absent. */
    public static SearchRequest.Order sort(Context ctx) {
        String s = ctx.queryParam("sort");
        SearchRequest.Order o = SearchRequest.Order.parse(s);
        if (o == null) throw WebError.badRequest("Unknown sort '" + cut(s) + "': use relevance, newest or oldest.");
        return o;
    }

    /** A whole number parameter within bounds, or its default when absent or empty. */
    public static int integer(Context ctx, String name, int dflt, int min, int max) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) return dflt;
        try {
            long v = Long.parseLong(s.strip());
            if (v >= min && v <= max) return (int) v;
        } catch (NumberFormatException e) {
            // reported below with the bounds
        }
        throw WebError.badRequest(String.format(Locale.ROOT, "The parameter '%s' must be a whole number from %,d to %,d, not '%s'.",
                name, min, max, cut(s)));
    }

    /** A yes/no parameter: true, 1 or yes. */
    public static boolean flag(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) return false;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw WebError.badRequest("The parameter '" + name + "' must be true or false, not '" + cut(s) + "'.");
        };
    }

    /** The item id in the path; anything but a positive number is a page that does not exist. */
    public static long id(Context ctx) {
        return id(ctx, "item");
    }

    /** The id in the path of an item or a thread ({@code what}); anything but a positive number is a 404. */
    public static long id(Context ctx, String what) {
        String s = ctx.pathParam("id");
        try {
            long id = Long.parseLong(s);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // not an id: 404 below
        }
        throw WebError.notFound("There is no " + what + " '" + cut(s) + "': " + what + " ids are positive whole numbers.");
    }

    /** Longest person key, address, name or domain accepted: far beyond any real address (254), short of abuse. */
    public static final int MAX_KEY = 500;

    /** A person key, address, name or domain from the path or a parameter, stripped; too long is a 400. */
    public static String key(String value, String what) {
        String v = value == null ? "" : value.strip();
        if (v.length() > MAX_KEY) {
            throw WebError.badRequest(String.format(Locale.ROOT, "The %s is too long (%,d characters; at most %,d).", what, v.length(), MAX_KEY));
        }
        return v;
    }

    /** A page number from 1 up; 1 when absent. */
    public static int page(Context ctx) {
        return integer(ctx, "page", 1, 1, MAX_PAGE);
    }

    /** Largest page number accepted; far beyond any archive, small enough that offsets stay ints. */
    static final int MAX_PAGE = 100_000_000;

    /** Shortens a value for an error message. */
    static String cut(String s) {
        if (s == null) return "";
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
