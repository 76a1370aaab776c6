package dossier.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dossier.model.Address;
import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Parsed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the two JSON blocks of an item's document, the summary (doc values, read by result lists) and the detail
 * (stored, read by show and the item page), with a streaming generator: building a Jackson tree per item and
 * serialising it was a tenth of the index threads' time. Field order and escaping are those of the tree it replaces,
 * so the JSON is the same text. Thread-safe (stateless).
 */
final class StoredJson {
    private static final JsonFactory FACTORY = ArchiveJson.factory();

    private StoredJson() {}

    /** The small JSON that result lists read from doc values, as UTF-8, so listing hits never touches stored bodies. */
    static byte[] summary(ItemDocuments.NewItem n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            Parsed p = n.parsed();
            g.writeStartObject();
            g.writeNumberField("id", n.id());
            g.writeStringField("kind", p.kind().label());
            g.writeStringField("title", p.title());
            if (p.email() != null) {
                g.writeStringField("from", p.email().from().isEmpty() ? "" : p.email().from().get(0).display());
                g.writeArrayFieldStart("to");
                for (Address a : p.email().to()) g.writeString(a.display());
                g.writeEndArray();
                g.writeStringField("messageId", p.email().messageId());
            }
            if (p.date() != null) g.writeStringField("date", p.date().toString());
            g.writeStringField("source", p.source());
            g.writeNumberField("size", p.bytes().length);
            g.writeStringField("contentType", p.contentType());
            if (n.parent() > 0) g.writeNumberField("parent", n.parent());
            if (!n.attachments().isEmpty()) g.writeNumberField("attachments", n.attachments().size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Everything show needs that no other stored field holds. */
    static String detail(ItemDocuments.NewItem n) {
        Parsed p = n.parsed();
        StringWriter out = new StringWriter(1024 + (p.email() == null ? 0
                : p.email().rawHeaders().length() + p.email().htmlBody().length()));
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("attachments");
            for (long id : n.attachments()) g.writeNumber(id);
            g.writeEndArray();
            DocMeta m = p.meta();
            if (m.author() != null) g.writeStringField("author", m.author());
            if (m.title() != null) g.writeStringField("metaTitle", m.title());
            if (m.created() != null) g.writeStringField("created", m.created().toString());
            if (m.modified() != null) g.writeStringField("modified", m.modified().toString());
            EmailFields e = p.email();
            if (e != null) {
                addresses(g, "from", e.from());
                addresses(g, "to", e.to());
                addresses(g, "cc", e.cc());
                addresses(g, "bcc", e.bcc());
                addresses(g, "replyTo", e.replyTo());
                g.writeStringField("messageId", e.messageId());
                g.writeStringField("inReplyTo", e.inReplyTo());
                g.writeArrayFieldStart("references");
                for (String r : e.references()) g.writeString(r);
                g.writeEndArray();
                g.writeStringField("subject", e.subject());
                g.writeStringField("headers", e.rawHeaders());
                // The plain body is nearly always the stored text itself: kept here only when it differs (an
                // HTML-only email's text is made from its HTML, a long one's is cut), so no body is stored twice.
                if (!e.plainBody().equals(p.text())) g.writeStringField("body", e.plainBody());
                g.writeStringField("html", e.htmlBody());
                g.writeStringField("zone", e.originalZone());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void addresses(JsonGenerator g, String field, List<Address> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (Address a : list) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("address", a.address());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
