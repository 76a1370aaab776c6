package dossier.web;

import java.util.List;

/**
 * What the shared page frame ({@code layout.jte}) shows around every page: the title, the archive's name, the query
 * to keep in the header's search box (hidden on pages with their own), and the navigation.
 */
public record Frame(String title, String archiveName, String query, boolean headerSearch, List<Link> nav) {
    /** A link with its text. */
    public record Link(String label, String href) {}

    /** The document title: page, then archive. */
    public String documentTitle() {
        return title.isEmpty() ? archiveName : title + " · " + archiveName;
    }

    /** The same frame for a page that shows its own search form. */
    public Frame withoutSearch() {
        return new Frame(title, archiveName, query, false, nav);
    }
}
