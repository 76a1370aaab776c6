package dossier.web;

import dossier.model.Item;
import dossier.people.ThreadView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /threads/{id}?page=}: a conversation as a tree, in reading order, each email indented by its depth, showing
 * its new text with the quoted text folded, and linking to its own page. {@code id} is the thread id or the id of any
 * of its emails. Long threads are paged.
 */
public final class ThreadPage {
    private ThreadPage() {}

    /** Emails per page. */
    static final int PAGE_SIZE = 100;
    /** Body text shown per email at most; the email's own page has the rest. */
    static final int MAX_BODY = 20_000;
    /** Indentation levels drawn; deeper replies are drawn at this level with their depth written out. */
    static final int MAX_INDENT = 12;

    /** What the thread page shows. */
    public record View(Frame frame, long id, String subject, String size, String first, String last, List<Node> nodes,
                       int from, int to, Pager pager) {
        public String apiHref() { return "/api/v1/threads/" + id; }
        public String searchHref() { return Urls.search("thread:" + id, dossier.search.SearchRequest.Order.OLDEST, 1); }
    }

    /** One email of the tree; {@code body} is its text in segments, quoted ones folded by the page. */
    public record Node(long id, long parent, int depth, String indent, String title, String from, String fromHref,
                       String date, String excerpt, List<QuotedText.Segment> body, boolean cut) {
        public String href() { return Urls.item(id); }
        public String anchor() { return "e" + id; }
    }

    static void show(Site site, Context ctx) {
        long id = Params.id(ctx, "thread");
        int page = Params.page(ctx);
        Optional<ThreadView> found = site.people().thread(id);
        if (found.isEmpty()) throw WebError.notFound("There is no thread with the id or an email " + id + " in this archive.");
        ThreadView t = found.get();
        int pages = Pager.pages(t.nodes().size(), PAGE_SIZE);
        if (page > Math.max(1, pages)) throw WebError.notFound(PeoplePage.pastTheEnd(page, t.nodes().size(), "emails of this thread", pages));
        int offset = (page - 1) * PAGE_SIZE;
        List<Node> nodes = new ArrayList<>();
        for (ThreadView.Node n : t.nodes().subList(offset, Math.min(t.nodes().size(), offset + PAGE_SIZE))) nodes.add(node(site, n));
        String subject = t.subject() == null || t.subject().isBlank() ? "(no subject)" : t.subject();
        site.render(ctx, "thread.jte", new View(site.frame("Thread: " + subject, ""), t.id(), subject, Display.count(t.size()),
                Display.date(t.first()), Display.date(t.last()), nodes, nodes.isEmpty() ? 0 : offset + 1, offset + nodes.size(),
                Pager.of(n -> Urls.thread(t.id(), n), page, pages)));
    }

    private static Node node(Site site, ThreadView.Node n) {
        String text = site.searcher().item(n.id()).map(ThreadPage::text).orElse("");
        boolean cut = text.length() > MAX_BODY;
        List<QuotedText.Segment> body = QuotedText.split(cut ? text.substring(0, MAX_BODY) : text);
        String title = n.title() == null || n.title().isBlank() ? "(no subject)" : n.title();
        String from = n.from() == null ? "" : n.from();
        return new Node(n.id(), n.parent(), n.depth(), "depth-" + Math.min(n.depth(), MAX_INDENT), title, from,
                site.personHref(from), Display.date(n.date()), n.excerpt(), body, cut);
    }

    private static String text(Item it) {
        if (it.email() != null && !it.email().plainBody().isBlank()) return it.email().plainBody().strip();
        return it.text() == null ? "" : it.text().strip();
    }
}
