package dossier.model;

import java.time.Instant;

/** Metadata Tika found in a file: all optional. */
public record DocMeta(String title, String author, Instant created, Instant modified) {
    public static final DocMeta NONE = new DocMeta(null, null, null, null);
}
