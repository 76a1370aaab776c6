package dossier.model;

/**
 * What serving an item's original bytes needs: which blob, and the name and type to send it with. Read apart from
 * the item's text and detail, which can run to hundreds of MB, so a download never parses them.
 *
 * @param name        the file name, empty for an email or a file without one
 * @param contentType the media type found at ingest
 */
public record Original(long id, Kind kind, String sha256, String name, String contentType) {
    public Original {
        name = name == null ? "" : name;
        contentType = contentType == null ? "" : contentType;
    }
}
