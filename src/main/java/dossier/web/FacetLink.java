package dossier.web;

import java.util.Locale;

/**
 * A facet value with its count and the search URL that adds it as a filter; {@code page} is the person's or
 * organisation's own page when the value is one (sender, recipient, domain), else null.
 */
public record FacetLink(String value, long count, String href, String page, String pageLabel) {
    public FacetLink(String value, long count, String href) {
        this(value, count, href, null, null);
    }

    public String countText() {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
