package dossier.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item as the parse stage made it, before it has an id: an email with its attachments and embedded emails as
 * children, or a document. The index stage deduplicates, numbers and stores these.
 *
 * @param source      display path plus locator (children: the parent's source plus {@code #attachment/N})
 * @param name        file name (attachments and documents) or empty
 * @param bytes       the original bytes (an email's whole message; an attachment's decoded content)
 * @param title       subject or file name
 * @param date        UTC instant, or null when unknown
 * @param text        the searchable text (an email's plain body, or its HTML body as text when it has none)
 * @param contentType the media type detected or declared
 * @param language    ISO 639-1 code of the text's language, or empty when unknown
 * @param email       email fields, or null for attachments and documents
 * @param meta        document metadata, never null
 * @param children    attachments and embedded emails, in message order
 * @param htmlText    an email's HTML body as text when it has a plain body too, else empty: searched for the words
 *                    the text lacks (what the HTML view shows a reader), never shown itself
 */
public record Parsed(
        Kind kind,
        String source,
        String name,
        byte[] bytes,
        String title,
        Instant date,
        String text,
        String contentType,
        String language,
        EmailFields email,
        DocMeta meta,
        List<Parsed> children,
        String htmlText) {
    public Parsed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        name = name == null ? "" : name;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        contentType = contentType == null ? "application/octet-stream" : contentType;
        language = language == null ? "" : language;
        meta = meta == null ? DocMeta.NONE : meta;
        children = List.copyOf(children == null ? List.of() : children);
        htmlText = htmlText == null ? "" : htmlText;
        if (kind == Kind.EMAIL) Objects.requireNonNull(email, "an email needs its fields");
    }
}
