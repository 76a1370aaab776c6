package dossier.web;

import dossier.index.Schema;
import dossier.model.Address;
import dossier.model.EmailFields;
import dossier.model.Item;
import dossier.model.Kind;
import dossier.model.Original;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * {@code /items/{id}}: an email (header table, sanitised HTML or plain body, folded quotes, attachments, the message it
 * answers and its replies, every location) or a file (metadata, extracted text, download).
 */
public final class ItemPage {
    private ItemPage() {}

    /** Extracted text shown on a page at most; the rest is in the download. */
    static final int MAX_TEXT = 200_000;
    /**
     * HTML bodies cleaned for the formatted view at most, in characters: cleaning takes about a second a megabyte, on
     * every view, so a hostile 40 MB body would hold a server thread for most of a minute and answer with a page as
     * large. Longer bodies are shown as plain text (cut at {@link #MAX_TEXT}), with the original to download.
     */
    static final int MAX_HTML = 1_000_000;
    /** Replies listed at most. */
    static final int MAX_REPLIES = 200;

    /** What the item page shows. {@code view} is "html" or "text" for emails. */
    public record View(Frame frame, long id, String kind, String title, List<Row> headers, boolean email, String view,
                       boolean hasHtml, long htmlTooLarge, String bodyHtml, List<QuotedText.Segment> body, boolean textCut,
                       List<Related> attachments, Related parent, List<Related> inReplyTo, List<Related> replies,
                       long thread, List<String> locations, List<Row> metadata, String rawHeaders, boolean image,
                       String originalName) {
        public String original() { return Urls.original(id); }
        public String inline() { return Urls.inlineImage(id); }
        public String htmlView() { return Urls.item(id) + "?view=html"; }
        public String textView() { return Urls.item(id) + "?view=text"; }
        public String threadHref() { return Urls.thread(thread); }
        /** The size of an HTML body too large to show formatted, as people read it ("39 MB"). */
        public String htmlSize() { return Display.size(htmlTooLarge); }
    }

    /** A labelled value of a header or metadata table; {@code people} are the addresses of a From/To/Cc row. */
    public record Row(String label, String value, List<Who> people) {
        public Row(String label, String value) {
            this(label, value, List.of());
        }
    }

    /** One participant as a header row shows them, linking to their page when the directory knows them. */
    public record Who(String text, String href, String separator) {}

    /** Another item this one refers to, with enough to recognise it. */
    public record Related(long id, String kind, String title, String detail) {
        public String href() { return Urls.item(id); }
        public String original() { return Urls.original(id); }
    }

    static void show(Site site, Context ctx) {
        long id = Params.id(ctx);
        String view = ctx.queryParam("view");
        if (view != null && !view.equals("html") && !view.equals("text")) {
            throw WebError.badRequest("Unknown view '" + Params.cut(view) + "': use html or text.");
        }
        Item it = site.item(id);
        site.render(ctx, "item.jte", it.email() != null ? email(site, it, view) : file(site, it));
    }

    private static View email(Site site, Item it, String requested) {
        EmailFields e = it.email();
        boolean hasHtml = !e.htmlBody().isBlank();
        long tooLarge = e.htmlBody().length() > MAX_HTML ? e.htmlBody().length() : 0;
        String view = hasHtml && tooLarge == 0 && !"text".equals(requested) ? "html" : "text";
        List<Related> attachments = related(site, it.attachments());
        String bodyHtml = view.equals("html") ? EmailHtml.clean(e.htmlBody(), cids(site, it, e)) : "";
        String text = e.plainBody().isBlank() ? it.text() : e.plainBody();
        boolean cut = text.length() > MAX_TEXT;
        List<QuotedText.Segment> body = view.equals("text") ? QuotedText.split(cut ? text.substring(0, MAX_TEXT) : text) : List.of();

        List<Row> headers = new ArrayList<>();
        add(site, headers, "From", e.from());
        add(site, headers, "To", e.to());
        add(site, headers, "Cc", e.cc());
        add(site, headers, "Bcc", e.bcc());
        add(site, headers, "Reply-To", e.replyTo());
        if (it.date() != null) headers.add(new Row("Date", Display.date(it.date()) + " UTC"
                + (e.originalZone().isEmpty() ? "" : " (sent as " + e.originalZone() + ")")));
        headers.add(new Row("Subject", e.subject()));
        if (!e.messageId().isEmpty()) headers.add(new Row("Message-ID", e.messageId()));

        List<Related> inReplyTo = e.inReplyTo().isEmpty() ? List.of()
                : related(site, site.searcher().ids(new TermQuery(new Term(Schema.MESSAGE_ID, Schema.term(e.inReplyTo()))), 5));
        List<Related> replies = e.messageId().isEmpty() ? List.of()
                : related(site, site.searcher().ids(new TermQuery(new Term(Schema.IN_REPLY_TO, Schema.term(e.messageId()))), MAX_REPLIES));
        String title = e.subject().isBlank() ? "(no subject)" : e.subject();
        return new View(site.frame(title, ""), it.id(), it.kind().label(), title, headers, true, view, hasHtml, tooLarge, bodyHtml,
                body, cut, attachments, parent(site, it), inReplyTo, replies, it.thread(), it.locations(),
                fileRows(it), e.rawHeaders(), false, fileName(it));
    }

    private static View file(Site site, Item it) {
        String text = it.text() == null ? "" : it.text();
        boolean cut = text.length() > MAX_TEXT;
        List<QuotedText.Segment> body = text.isBlank() ? List.of()
                : List.of(new QuotedText.Segment(cut ? text.substring(0, MAX_TEXT) : text, false));
        String title = it.title().isBlank() ? (it.name().isBlank() ? "Item " + it.id() : it.name()) : it.title();
        return new View(site.frame(title, ""), it.id(), it.kind().label(), title, List.of(), false, "text", false, 0, "",
                body, cut, related(site, it.attachments()), parent(site, it), List.of(), List.of(), it.thread(),
                it.locations(), fileRows(it), "", Originals.inlineType(it.original()) != null, fileName(it));
    }

    private static List<Row> fileRows(Item it) {
        List<Row> rows = new ArrayList<>();
        if (!it.name().isBlank()) rows.add(new Row("File name", it.name()));
        rows.add(new Row("Kind", it.kind().label()));
        rows.add(new Row("Type", it.contentType()));
        rows.add(new Row("Size", Display.size(it.size()) + (it.size() >= 1024 ? String.format(Locale.ROOT, " (%,d bytes)", it.size()) : "")));
        rows.add(new Row("SHA-256", it.sha256()));
        if (it.email() == null && it.date() != null) rows.add(new Row("Date", Display.date(it.date()) + " UTC"));
        if (it.meta().title() != null && !it.meta().title().isBlank()) rows.add(new Row("Document title", it.meta().title()));
        if (it.meta().author() != null && !it.meta().author().isBlank()) rows.add(new Row("Author", it.meta().author()));
        if (it.meta().created() != null) rows.add(new Row("Created", Display.date(it.meta().created()) + " UTC"));
        if (it.meta().modified() != null) rows.add(new Row("Modified", Display.date(it.meta().modified()) + " UTC"));
        if (!it.language().isBlank()) rows.add(new Row("Language", it.language()));
        return rows;
    }

    /** A participants row; each links to the person's page (one lookup in the loaded directory each). */
    private static void add(Site site, List<Row> rows, String label, List<Address> list) {
        if (list.isEmpty()) return;
        List<Who> people = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Address a = list.get(i);
            String href = site.personHref(a.address().isEmpty() ? a.name() : a.address());
            people.add(new Who(a.display(), href, i < list.size() - 1 ? ", " : ""));
        }
        rows.add(new Row(label, list.stream().map(Address::display).collect(Collectors.joining(", ")), people));
    }

    private static Related parent(Site site, Item it) {
        if (it.parent() <= 0) return null;
        List<Related> r = related(site, List.of(it.parent()));
        return r.isEmpty() ? null : r.get(0);
    }

    private static List<Related> related(Site site, List<Long> ids) {
        List<Related> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            Optional<Item> o = site.searcher().item(id);
            if (o.isEmpty()) continue;
            Item r = o.get();
            String title = r.email() != null ? (r.email().subject().isBlank() ? "(no subject)" : r.email().subject())
                    : !r.name().isBlank() ? r.name() : r.title().isBlank() ? "Item " + id : r.title();
            String detail = r.email() != null
                    ? String.join(" · ", nonEmpty(r.email().from().isEmpty() ? "" : r.email().from().get(0).display(), Display.date(r.date())))
                    : String.join(" · ", nonEmpty(r.contentType(), Display.size(r.size())));
            out.add(new Related(id, r.kind().label(), title, detail));
        }
        return out;
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
        return out;
    }

    /** Resolves cid: images to this email's image attachments, by the hash of the MIME part they name. */
    private static EmailHtml.CidResolver cids(Site site, Item email, EmailFields e) {
        if (!e.htmlBody().toLowerCase(Locale.ROOT).contains("cid:") || email.attachments().isEmpty()) return cid -> null;
        Map<String, Long> bySha = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        for (long id : email.attachments()) {
            site.searcher().original(id).filter(a -> Originals.inlineType(a) != null).ifPresent(a -> {
                bySha.put(a.sha256(), a.id());
                if (!a.name().isBlank()) byName.put(a.name().toLowerCase(Locale.ROOT), a.id());
            });
        }
        if (bySha.isEmpty()) return cid -> null;
        Map<String, String> hashes;
        try {
            hashes = ContentIds.hashes(site.blobs().read(email.sha256()));
        } catch (IOException | RuntimeException missing) {
            hashes = Map.of();
        }
        Map<String, String> cidHashes = hashes;
        return cid -> {
            String key = ContentIds.normalise(cid);
            Long id = bySha.get(cidHashes.getOrDefault(key, ""));
            if (id == null) id = byName.get(key);
            if (id == null && key.contains("@")) id = byName.get(key.substring(0, key.indexOf('@')));
            return id == null ? null : Urls.inlineImage(id);
        };
    }

    /** The name a download gets. */
    static String fileName(Item it) {
        return fileName(it.original());
    }

    /** The name a download of this original gets. */
    static String fileName(Original it) {
        if (!it.name().isBlank()) return it.name();
        return it.kind() == Kind.EMAIL ? it.id() + ".eml" : "item-" + it.id();
    }
}
