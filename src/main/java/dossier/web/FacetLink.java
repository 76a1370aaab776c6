package dossier.web;

/** A facet value with its count and the search URL that adds it as a filter. */
public record FacetLink(String value, long count, String href) {
    public String countText() {
        return String.format("%,d", count);
    }
}
