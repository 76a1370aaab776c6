package dossier.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.index.ArchiveJson;
import dossier.model.Address;
import dossier.model.EmailFields;
import dossier.model.Item;
import java.util.List;

/**
 * The JSON shape of an item and of a hit, shared by {@code show --format json}, {@code search --format json}, the
 * API and JSONL exports, so all of them print the same names (DESIGN 3 and 4).
 */
public final class ItemJson {
    private ItemJson() {}

    /** Dossier's own mapper ({@link ArchiveJson}), so what show and the API print can be read back whatever its size. */
    public static final ObjectMapper MAPPER = ArchiveJson.MAPPER;

    /** An item with every field of DESIGN 3. */
    public static ObjectNode item(Item it) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", it.id());
        o.put("kind", it.kind().label());
        o.put("sha256", it.sha256());
        o.put("size", it.size());
        o.put("source", it.source());
        ArrayNode loc = o.putArray("locations");
        it.locations().forEach(loc::add);
        if (it.parent() > 0) o.put("parent", it.parent()); else o.putNull("parent");
        o.put("title", it.title());
        if (!it.name().isEmpty()) o.put("name", it.name());
        if (it.date() != null) o.put("date", it.date().toString()); else o.putNull("date");
        o.put("text", it.text());
        o.put("language", it.language());
        o.put("contentType", it.contentType());
        if (it.meta().author() != null) o.put("author", it.meta().author());
        if (it.meta().created() != null) o.put("created", it.meta().created().toString());
        if (it.meta().modified() != null) o.put("modified", it.meta().modified().toString());
        EmailFields e = it.email();
        if (e != null) {
            o.put("messageId", e.messageId());
            o.put("from", e.from().isEmpty() ? "" : e.from().get(0).display());
            o.set("to", displays(e.to()));
            o.set("cc", displays(e.cc()));
            o.set("bcc", displays(e.bcc()));
            o.set("replyTo", displays(e.replyTo()));
            o.put("subject", e.subject());
            o.put("inReplyTo", e.inReplyTo());
            ArrayNode refs = o.putArray("references");
            e.references().forEach(refs::add);
            if (it.thread() > 0) o.put("thread", it.thread()); else o.putNull("thread");
            ArrayNode att = o.putArray("attachments");
            it.attachments().forEach(att::add);
            o.put("zone", e.originalZone());
            o.put("headers", e.rawHeaders());
            o.put("html", e.htmlBody());
        } else if (!it.attachments().isEmpty()) {
            ArrayNode att = o.putArray("attachments");
            it.attachments().forEach(att::add);
        }
        return o;
    }

    /** A hit as search lists print it. */
    public static ObjectNode hit(Hit h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", h.id());
        o.put("kind", h.kind());
        o.put("title", h.title());
        if (h.from() != null) o.put("from", h.from());
        if (h.kind().equals("email")) {
            ArrayNode to = o.putArray("to");
            h.to().forEach(to::add);
        }
        if (h.date() != null) o.put("date", h.date()); else o.putNull("date");
        if (h.messageId() != null) o.put("messageId", h.messageId());
        o.put("source", h.source());
        o.put("score", h.score());
        o.put("snippet", Snippets.plain(h.snippet()));
        o.put("size", h.size());
        o.put("contentType", h.contentType());
        if (h.parent() > 0) o.put("parent", h.parent());
        if (h.thread() > 0) o.put("thread", h.thread());
        return o;
    }

    /** A result page: {@code {"total":N,"offset":N,"hits":[…]}}. */
    public static ObjectNode result(SearchResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("total", r.total());
        o.put("offset", r.offset());
        ArrayNode hits = o.putArray("hits");
        r.hits().forEach(h -> hits.add(hit(h)));
        return o;
    }

    private static ArrayNode displays(List<Address> list) {
        ArrayNode a = MAPPER.createArrayNode();
        list.forEach(x -> a.add(x.display()));
        return a;
    }
}
