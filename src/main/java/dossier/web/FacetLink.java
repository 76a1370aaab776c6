package dossier.web;

import java.util.Locale;

/** A facet value with its count and the search URL that adds it as a filter. */
public record FacetLink(String value, long count, String href) {
    public String countText() {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
