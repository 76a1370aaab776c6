package dossier.web;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a facet value into the query words that filter by it, so a click on a facet adds a filter to the URL and the
 * result stays an ordinary, shareable query.
 */
public final class Facets {
    private Facets() {}

    /** Headings for the facet dimensions of {@link dossier.search.Searcher#FACET_DIMS}. */
    public static final Map<String, String> LABELS = Map.of("kind", "Kind", "year", "Year", "sender", "Sender",
            "recipient", "Recipient", "domain", "Domain", "type", "Type", "lang", "Language");

    private static final Pattern BARE = Pattern.compile("[\\p{L}\\p{N}@._-]+");

    /** The query words that keep only items with this facet value. */
    public static String filter(String dim, String value) {
        String v = quote(value);
        return switch (dim) {
            case "kind" -> "kind:" + v;
            case "year" -> "date:" + value;
            case "sender" -> "from:" + v;
            // The recipient facet counts To and Cc, so the filter must accept both for the counts to hold.
            case "recipient" -> "(to:" + v + " OR cc:" + v + ")";
            case "domain" -> "domain:" + v;
            case "type" -> "type:" + v;
            case "lang" -> "lang:" + v;
            default -> throw new IllegalArgumentException("unknown facet " + dim);
        };
    }

    /** The words for one month, "2001-05". */
    public static String month(String yearMonth) {
        return "date:" + yearMonth;
    }

    /** The query with a filter added: "*" is replaced rather than narrowed. */
    public static String narrow(String query, String filter) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.equals("*")) return filter;
        if (q.contains(filter)) return q;
        return q + " " + filter;
    }

    static String quote(String value) {
        if (BARE.matcher(value).matches() && !value.startsWith("-") && !value.startsWith("+")) return value;
        return "\"" + value.replace("\\", " ").replace("\"", " ").strip() + "\"";
    }
}
