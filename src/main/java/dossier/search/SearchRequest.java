package dossier.search;

/**
 * One search: the query in Dossier's language, an order, and a page.
 *
 * @param facets   whether to count facets (the web page wants them; the command line does not)
 * @param snippets whether to make highlighted snippets for the page's hits
 */
public record SearchRequest(String query, Order order, int offset, int limit, boolean facets, boolean snippets) {
    public SearchRequest {
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more");
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more");
        order = order == null ? Order.RELEVANCE : order;
    }

    /** Result orders. */
    public enum Order {
        RELEVANCE, NEWEST, OLDEST;

        /** Reads a sort name; null when unknown. */
        public static Order parse(String s) {
            if (s == null || s.isBlank()) return RELEVANCE;
            for (Order o : values()) if (o.name().equalsIgnoreCase(s.strip())) return o;
            return null;
        }
    }
}
