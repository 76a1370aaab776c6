package dossier.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.model.Address;
import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Item;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.Original;
import dossier.model.Parsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import java.util.regex.Pattern;

/**
 * Maps items to Lucene documents and back, with the fields of {@link Schema}. Thread-safe.
 */
public final class ItemDocuments {
    static final ObjectMapper JSON = ArchiveJson.MAPPER;
    private static final Pattern DOTS = Pattern.compile("[._]+");
    /** The name the mail parsers (MailParser, Tnef) give an attachment that has none. */
    private static final Pattern MADE_UP_NAME = Pattern.compile("attachment-\\d+");

    /** The facet dimensions; every one may hold several values per item. */
    public static final FacetsConfig FACETS = facetsConfig();

    private static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        for (String dim : List.of(Schema.FACET_KIND, Schema.FACET_YEAR, Schema.FACET_SENDER, Schema.FACET_RECIPIENT,
                Schema.FACET_DOMAIN, Schema.FACET_TYPE, Schema.FACET_LANG)) {
            c.setMultiValued(dim, true);
        }
        return c;
    }

    /** What the index stage knows about a new item besides what parsing gave. */
    public record NewItem(long id, long parent, Parsed parsed, String sha256, List<String> dedupKeys, List<Long> attachments,
                          long thread) {}

    private ItemDocuments() {}

    /** Builds the document for a new item. */
    public static Document toDocument(NewItem n) {
        Parsed p = n.parsed();
        Document d = new Document();
        d.add(new LongPoint(Schema.ID, n.id()));
        d.add(new StoredField(Schema.ID, n.id()));
        d.add(new NumericDocValuesField(Schema.ID, n.id()));
        d.add(new StringField(Schema.ID_TERM, Long.toString(n.id()), Field.Store.NO));
        d.add(new StringField(Schema.KIND, p.kind().label(), Field.Store.YES));
        facet(d, Schema.FACET_KIND, p.kind().label());
        d.add(new StringField(Schema.SHA256, n.sha256(), Field.Store.YES));
        d.add(new LongPoint(Schema.SIZE, p.bytes().length));
        d.add(new StoredField(Schema.SIZE, p.bytes().length));
        d.add(new StoredField(Schema.SOURCE, p.source()));
        if (n.parent() > 0) {
            d.add(new LongPoint(Schema.PARENT, n.parent()));
            d.add(new StoredField(Schema.PARENT, n.parent()));
        }
        for (String key : n.dedupKeys()) d.add(new StringField(Schema.DEDUP, key, Field.Store.YES));
        d.add(new StoredField(Schema.TITLE, p.title()));
        if (!p.name().isEmpty()) {
            d.add(new StoredField(Schema.NAME, p.name()));
            // filename: searches names someone gave a file, not the parser's "attachment-2" for a part without one.
            if (isFileName(p, n.parent())) d.add(new TextField(Schema.FILENAME, p.name(), Field.Store.NO));
        }
        // A file name as title: split at dots and underscores so that "budget" finds budget_2001.xls.
        String subject = p.title().equals(p.name()) ? DOTS.matcher(p.title()).replaceAll(" ") : p.title();
        d.add(new TextField(Schema.SUBJECT, subject, Field.Store.NO));
        // The text is analysed once for TEXT and EXACT (see TextFields); TEXT's indexed fields must come first.
        d.add(new StoredField(Schema.TEXT, p.text()));
        d.add(TextFields.text(p.text()));
        if (!p.htmlText().isEmpty()) d.add(TextFields.htmlWords(p.htmlText())); // see TextFields: new words only
        d.add(new Field(Schema.EXACT, p.title(), Schema.DOCS_ONLY));
        d.add(TextFields.exact());
        if (p.date() != null) {
            long ms = p.date().toEpochMilli();
            d.add(new LongPoint(Schema.DATE, ms));
            d.add(new NumericDocValuesField(Schema.DATE, ms));
            d.add(new StoredField(Schema.DATE, ms));
            facet(d, Schema.FACET_YEAR, Integer.toString(p.date().atOffset(ZoneOffset.UTC).getYear()));
        }
        for (String t : TypeTerms.of(p.name(), p.contentType())) {
            d.add(new StringField(Schema.TYPE, Schema.term(t), Field.Store.NO));
        }
        facet(d, Schema.FACET_TYPE, TypeTerms.family(p.name(), p.contentType()));
        d.add(new StoredField(Schema.CONTENT_TYPE, p.contentType()));
        if (!p.language().isEmpty()) {
            d.add(new StringField(Schema.LANG, p.language(), Field.Store.YES));
            facet(d, Schema.FACET_LANG, p.language());
        }
        d.add(new NumericDocValuesField(Schema.THREAD, n.thread()));
        if (!n.attachments().isEmpty()) d.add(new StringField(Schema.HAS, "attachment", Field.Store.NO));
        if (p.email() != null) addEmail(d, p.email());
        d.add(new StoredField(Schema.DETAIL, StoredJson.detail(n)));
        d.add(new BinaryDocValuesField(Schema.SUMMARY, new BytesRef(StoredJson.summary(n))));
        return FacetsConfigs.build(d);
    }

    /**
     * The document of an indexed item, read back with {@link #fromDocument} from {@code stored}, built again with
     * {@code email} in place of its email fields: what a pass that learns more about an item once it is indexed (the
     * Bcc of a later copy, see {@link ArchiveWriter#mergeBlindCopies}) writes over it. Every other field comes out as
     * it went in. {@code original} is the item's original bytes, whose length the document records; {@code limits}
     * those the email was read with, which cut its HTML text as they cut it then.
     */
    static Document rebuilt(Document stored, Item item, EmailFields email, byte[] original, Limits limits) {
        Parsed p = new Parsed(item.kind(), item.source(), item.name(), original, item.title(), item.date(), item.text(),
                item.contentType(), item.language(), email, item.meta(), List.of(),
                email == null ? "" : dossier.parse.Parser.htmlText(email, limits));
        return toDocument(new NewItem(item.id(), item.parent(), p, item.sha256(), List.of(stored.getValues(Schema.DEDUP)),
                item.attachments(), item.thread()));
    }

    /**
     * Whether an item's name is the name of a file, for {@code filename:}. An email that stands on its own in the dump
     * (no parent) is not: its name is where the dump stored it (a maildir's {@code 1.}, an {@code .eml}), and
     * {@code filename:1} found every Enron email filed as {@code 1.}. An email attached to an email keeps the name it
     * was attached under, as any attachment. Nor is the name the mail parsers make up for a part without one
     * ({@code attachment-2}). Decided here, not by the query, which cost searches a fifth of their time at the median
     * (BENCHMARKS.md); an archive built before this finds those names still.
     */
    private static boolean isFileName(Parsed p, long parent) {
        return !(p.kind() == Kind.EMAIL && parent == 0) && !MADE_UP_NAME.matcher(p.name()).matches();
    }

    private static void addEmail(Document d, EmailFields e) {
        if (!e.messageId().isEmpty()) d.add(new StringField(Schema.MESSAGE_ID, Schema.term(e.messageId()), Field.Store.YES));
        if (!e.inReplyTo().isEmpty()) d.add(new StringField(Schema.IN_REPLY_TO, Schema.term(e.inReplyTo()), Field.Store.YES));
        d.add(new BinaryDocValuesField(Schema.PEOPLE, PeopleScan.encode(e)));
        Set<String> domains = new LinkedHashSet<>();
        addresses(d, Schema.FROM, e.from(), domains);
        addresses(d, Schema.TO, e.to(), domains);
        addresses(d, Schema.CC, e.cc(), domains);
        addresses(d, Schema.BCC, e.bcc(), domains);
        for (String t : domains) d.add(new StringField(Schema.DOMAIN, Schema.term(t), Field.Store.NO));
        for (Address a : e.from()) facet(d, Schema.FACET_SENDER, key(a));
        for (List<Address> l : List.of(e.to(), e.cc())) for (Address a : l) facet(d, Schema.FACET_RECIPIENT, key(a));
        for (String dom : domains) if (dom.chars().filter(c -> c == '.').count() <= 1) facet(d, Schema.FACET_DOMAIN, dom);
    }

    private static void addresses(Document d, String field, List<Address> list, Set<String> domains) {
        if (!list.isEmpty()) d.add(AddressTerms.field(field, list));
        for (Address a : list) if (!a.domain().isEmpty()) domains.addAll(AddressTerms.domains(a.domain()));
    }

    /** The facet value for a person: their address, or their name when there is none. */
    static String key(Address a) {
        return a.address().isEmpty() ? a.name() : a.address();
    }

    /** Longer facet values are left out of the breakdowns: no reader can use one, and Lucene refuses them. */
    private static final int MAX_FACET_CHARS = 1_000;

    private static void facet(Document d, String dim, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_FACET_CHARS) return;
        d.add(new SortedSetDocValuesFacetField(dim, value));
    }

    /** Reads an item back from its stored fields; {@code locations} come from the manifest, {@code thread} from doc values. */
    public static Item fromDocument(Document d, List<String> locations, long thread) {
        try {
            JsonNode det = JSON.readTree(d.get(Schema.DETAIL));
            List<Long> attachments = new ArrayList<>();
            det.path("attachments").forEach(x -> attachments.add(x.asLong()));
            DocMeta meta = new DocMeta(det.path("metaTitle").asText(null), det.path("author").asText(null),
                    instant(det.path("created").asText(null)), instant(det.path("modified").asText(null)));
            Kind kind = Kind.parse(d.get(Schema.KIND));
            EmailFields email = null;
            if (det.has("messageId")) {
                List<String> refs = new ArrayList<>();
                det.path("references").forEach(x -> refs.add(x.asText()));
                email = new EmailFields(det.path("messageId").asText(), addresses(det.path("from")),
                        addresses(det.path("to")), addresses(det.path("cc")), addresses(det.path("bcc")),
                        addresses(det.path("replyTo")), det.path("inReplyTo").asText(), refs,
                        det.path("subject").asText(), det.path("headers").asText(), plainBody(det, d),
                        det.path("html").asText(), det.path("zone").asText());
            }
            String source = d.get(Schema.SOURCE);
            return new Item(num(d, Schema.ID), kind, d.get(Schema.SHA256), num(d, Schema.SIZE), source,
                    locations == null || locations.isEmpty() ? List.of(source) : locations, num(d, Schema.PARENT),
                    d.get(Schema.TITLE), str(d, Schema.NAME), d.getField(Schema.DATE) == null ? null
                    : Instant.ofEpochMilli(num(d, Schema.DATE)), d.get(Schema.TEXT), str(d, Schema.LANG),
                    d.get(Schema.CONTENT_TYPE), meta, email, attachments, thread);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored fields {@link #original} reads: never the text or the detail, which can be hundreds of MB. */
    public static final Set<String> ORIGINAL_FIELDS = Set.of(Schema.ID, Schema.KIND, Schema.SHA256, Schema.NAME,
            Schema.CONTENT_TYPE);

    /** Reads what downloading an item's original needs from a document loaded with {@link #ORIGINAL_FIELDS}. */
    public static Original original(Document d) {
        return new Original(num(d, Schema.ID), Kind.parse(d.get(Schema.KIND)), d.get(Schema.SHA256), str(d, Schema.NAME),
                d.get(Schema.CONTENT_TYPE));
    }

    /** An email's plain body from its stored detail and text (see {@link StoredJson#detail}). */
    public static String plainBody(JsonNode detail, Document d) {
        JsonNode body = detail.get("body");
        if (body != null) return body.asText();
        String text = d.get(Schema.TEXT);
        return text == null ? "" : text;
    }

    private static List<Address> addresses(JsonNode arr) {
        List<Address> out = new ArrayList<>();
        arr.forEach(x -> out.add(new Address(x.path("name").asText(), x.path("address").asText())));
        return out;
    }

    private static long num(Document d, String field) {
        var f = d.getField(field);
        return f == null ? 0 : f.numericValue().longValue();
    }

    private static String str(Document d, String field) {
        String s = d.get(field);
        return s == null ? "" : s;
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    /** Adds the facet fields FacetsConfig derives; kept apart so the checked exception stays in one place. */
    private static final class FacetsConfigs {
        static Document build(Document d) {
            try {
                return FACETS.build(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
