package dossier.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.enrich.Jwz;
import dossier.enrich.Subjects;
import dossier.index.ArchiveJson;
import dossier.index.ItemDocuments;
import dossier.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Builds {@link ThreadView}s: finds the emails with the thread id in the index, links them again with {@link Jwz} on
 * their stored Message-ID, In-Reply-To and References, and hangs an email that joined by subject (no such headers)
 * under the latest earlier email of another branch. Thread-safe.
 */
final class Threads {
    /** Largest thread shown as a tree; a bigger one (a runaway subject) shows its first emails. */
    static final int MAX_EMAILS = 5_000;
    private static final int EXCERPT = 300;
    private static final ObjectMapper JSON = ArchiveJson.MAPPER;

    private final IndexSearcher searcher;

    Threads(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    private record Email(long id, long date, String title, String from, String messageId, List<String> chain,
                         boolean headerless, String excerpt) {}

    /** The thread of the email (or thread) with this id; empty when there is no such email. */
    Optional<ThreadView> thread(long id) {
        try {
            long thread = threadOf(id);
            if (thread <= 0) return Optional.empty();
            var q = Emails.and(NumericDocValuesField.newSlowExactQuery(Schema.THREAD, thread),
                    new TermQuery(new Term(Schema.KIND, "email")));
            TopDocs top = searcher.search(q, MAX_EMAILS, new org.apache.lucene.search.Sort(
                    new org.apache.lucene.search.SortField(Schema.ID, org.apache.lucene.search.SortField.Type.LONG)));
            List<Email> emails = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) emails.add(read(searcher.storedFields().document(sd.doc)));
            if (emails.isEmpty()) return Optional.empty();
            return Optional.of(view(thread, emails));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long threadOf(long id) throws IOException {
        TopDocs top = searcher.search(LongPoint.newExactQuery(Schema.ID, id), 1);
        if (top.scoreDocs.length == 0) return 0;
        int doc = top.scoreDocs[0].doc;
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
        NumericDocValues dv = leaf.reader().getNumericDocValues(Schema.THREAD);
        return dv != null && dv.advanceExact(doc - leaf.docBase) ? dv.longValue() : 0;
    }

    private static Email read(Document d) throws IOException {
        JsonNode det = JSON.readTree(d.get(Schema.DETAIL));
        List<String> chain = new ArrayList<>();
        det.path("references").forEach(r -> chain.add(r.asText()));
        String irt = det.path("inReplyTo").asText("");
        if (!irt.isBlank() && (chain.isEmpty() || !chain.get(chain.size() - 1).equals(irt))) {
            chain.remove(irt);
            chain.add(irt);
        }
        JsonNode from = det.path("from").path(0);
        String who = from.path("name").asText("").isBlank() ? from.path("address").asText("") : from.path("name").asText();
        var date = d.getField(Schema.DATE);
        return new Email(d.getField(Schema.ID).numericValue().longValue(), date == null ? Long.MIN_VALUE : date.numericValue().longValue(),
                d.get(Schema.TITLE), who, det.path("messageId").asText(""), chain, chain.isEmpty(),
                excerpt(ItemDocuments.plainBody(det, d)));
    }

    private static ThreadView view(long thread, List<Email> emails) {
        int n = emails.size();
        Jwz jwz = new Jwz();
        for (Email e : emails) jwz.add(e.messageId(), e.chain());
        jwz.run();
        int[] parent = new int[n];
        Integer[] byDate = new Integer[n];
        for (int i = 0; i < n; i++) {
            parent[i] = jwz.parent(i);
            byDate[i] = i;
        }
        Comparator<Integer> dateOrder = Comparator.comparingLong((Integer i) -> emails.get(i).date()).thenComparingInt(i -> i);
        java.util.Arrays.sort(byDate, dateOrder);
        // Emails that joined by subject: under the latest earlier email of another JWZ tree (never their own: no loops).
        for (int k = 1; k < n; k++) {
            int i = byDate[k];
            if (parent[i] >= 0 || !emails.get(i).headerless() || !Subjects.isReply(emails.get(i).title())) continue;
            for (int j = k - 1; j >= 0; j--) {
                if (jwz.root(byDate[j]) != jwz.root(i)) {
                    parent[i] = byDate[j];
                    break;
                }
            }
        }
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) children.add(new ArrayList<>());
        List<Integer> tops = new ArrayList<>();
        for (int i : byDate) (parent[i] >= 0 ? children.get(parent[i]) : tops).add(i);
        List<ThreadView.Node> nodes = new ArrayList<>(n);
        Deque<int[]> stack = new ArrayDeque<>(); // (email, depth), pushed in reverse so the earliest comes first
        for (int k = tops.size() - 1; k >= 0; k--) stack.push(new int[] {tops.get(k), 0});
        boolean[] shown = new boolean[n];
        while (!stack.isEmpty()) {
            int[] top = stack.pop();
            int i = top[0];
            if (shown[i]) continue;
            shown[i] = true;
            Email e = emails.get(i);
            nodes.add(new ThreadView.Node(e.id(), parent[i] >= 0 ? emails.get(parent[i]).id() : 0, top[1], e.title(), e.from(),
                    iso(e.date()), e.excerpt()));
            List<Integer> kids = children.get(i);
            for (int k = kids.size() - 1; k >= 0; k--) stack.push(new int[] {kids.get(k), top[1] + 1});
        }
        Email first = emails.get(byDate[0]), last = emails.get(byDate[n - 1]);
        String subject = emails.stream().filter(e -> e.id() == thread).map(Email::title).findFirst().orElse(first.title());
        return new ThreadView(thread, subject, n, iso(first.date()), iso(last.date()), nodes);
    }

    private static String iso(long ms) {
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms).toString();
    }

    /** The start of a body without quoted text: stops at the first quote marker. */
    static String excerpt(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            String l = line.strip();
            if (l.startsWith(">") || l.matches("(?i)-+\\s*original message\\s*-+") || l.matches("(?i)-+\\s*forwarded by.*")
                    || l.matches("(?i)^on .{3,200} wrote:$") || l.matches("(?i)^from:\\s.*") && out.length() > 0) break;
            if (l.isEmpty()) continue;
            if (out.length() > 0) out.append(' ');
            out.append(l);
            if (out.length() >= EXCERPT) break;
        }
        return out.length() <= EXCERPT ? out.toString() : out.substring(0, EXCERPT - 1) + "…";
    }
}
