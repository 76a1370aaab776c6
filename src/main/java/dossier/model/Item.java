package dossier.model;

import java.time.Instant;
import java.util.List;

/**
 * An archived item as readers see it: what {@code show --format json}, the API and exports print.
 *
 * @param locations every place the item was found (the first is {@code source})
 * @param email     email fields, or null for attachments and documents
 * @param attachments ids of an email's attachments and embedded emails, in message order
 * @param thread    id of the thread the email belongs to, or 0 when not threaded
 */
public record Item(
        long id,
        Kind kind,
        String sha256,
        long size,
        String source,
        List<String> locations,
        long parent,
        String title,
        String name,
        Instant date,
        String text,
        String language,
        String contentType,
        DocMeta meta,
        EmailFields email,
        List<Long> attachments,
        long thread) {
    public Item {
        locations = List.copyOf(locations == null ? List.of(source) : locations);
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        meta = meta == null ? DocMeta.NONE : meta;
    }

    /** What downloading this item's original needs. */
    public Original original() {
        return new Original(id, kind, sha256, name, contentType);
    }
}
