package dossier.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Threads a whole archive's emails: first by Message-ID, In-Reply-To and References ({@link Jwz}); then an email
 * with neither header (most of Enron) whose subject says it is a reply or forward ({@code RE: Budget}) joins the most
 * recent earlier conversation with the same {@link Subjects#key subject key} that one of its participants took part
 * in (or, for a subject of three words or more, the only such conversation), if that conversation's latest email is
 * at most {@link #window} older. An email without a reply prefix joins
 * only a conversation of replies still missing their original (a clock that ran late) or holding a copy of it (same
 * date, another Message-ID, as Enron files one email in several folders), so weekly reports with the
 * same subject stay apart. Emails with no subject key or no date never join by subject.
 *
 * <p>A thread's id is its lowest email id. Every email gets a thread id, a lone email its own, so every email links
 * to its thread and {@code thread:N} always finds at least the email N. The result depends on the input alone, never
 * on its order. Stateless and thread-safe.
 */
public final class Threader {
    private final Duration window;

    /** One email as threading sees it. */
    public record Email(long id, String messageId, String inReplyTo, List<String> references, String subject,
                        long date, int[] participants) {
        /** No date known. */
        public static final long NO_DATE = Long.MIN_VALUE;

        public Email {
            messageId = messageId == null ? "" : messageId;
            inReplyTo = inReplyTo == null ? "" : inReplyTo;
            references = references == null ? List.of() : references;
            subject = subject == null ? "" : subject;
            participants = participants == null ? new int[0] : participants;
        }

        /** References with In-Reply-To last, as JWZ reads them. */
        List<String> chain() {
            if (inReplyTo.isBlank() || (!references.isEmpty() && references.get(references.size() - 1).equals(inReplyTo))) {
                return references;
            }
            List<String> l = new ArrayList<>(references);
            l.remove(inReplyTo);
            l.add(inReplyTo);
            return l;
        }

        boolean headerless() {
            return inReplyTo.isBlank() && references.stream().allMatch(String::isBlank);
        }
    }

    /** A threader whose subject grouping bridges gaps of at most {@code window}. */
    public Threader(Duration window) {
        this.window = window;
    }

    /** The default: conversations that go quiet for more than 30 days are not continued by subject. */
    public static Threader defaults() {
        return new Threader(Duration.ofDays(30));
    }

    /** The thread id of each email, in input order. */
    public long[] threads(List<Email> emails) {
        int n = emails.size();
        // Input order must not matter: thread in id order.
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) byId[i] = i;
        Arrays.sort(byId, (a, b) -> Long.compare(emails.get(a).id(), emails.get(b).id()));
        Jwz jwz = new Jwz();
        for (int i : byId) jwz.add(emails.get(i).messageId(), emails.get(i).chain());
        jwz.run();
        UnionFind uf = new UnionFind(n);
        Map<Integer, Integer> firstOfRoot = new HashMap<>();
        for (int k = 0; k < n; k++) {
            Integer other = firstOfRoot.putIfAbsent(jwz.root(k), byId[k]);
            if (other != null) uf.union(other, byId[k]);
        }
        bySubject(emails, uf);
        long[] min = new long[n];
        Arrays.fill(min, Long.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int r = uf.find(i);
            min[r] = Math.min(min[r], emails.get(i).id());
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = min[uf.find(i)];
        return out;
    }

    /** An open conversation under one subject key: one member, its latest date and everyone in it. */
    private static final class Group {
        final int member;
        long last;
        /** Dates of its emails without a reply prefix; while empty it is replies waiting for their original. */
        final Set<Long> originals = new HashSet<>();
        final Set<Integer> participants = new HashSet<>();

        Group(int member, long last) {
            this.member = member;
            this.last = last;
        }
    }

    private void bySubject(List<Email> emails, UnionFind uf) {
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) if (emails.get(i).date() != Email.NO_DATE) dated.add(i);
        dated.sort((a, b) -> {
            int c = Long.compare(emails.get(a).date(), emails.get(b).date());
            return c != 0 ? c : Long.compare(emails.get(a).id(), emails.get(b).id());
        });
        long gap = window.toMillis();
        Map<String, List<Group>> open = new HashMap<>();
        Map<String, String> keys = new HashMap<>(); // subjects repeat: normalise each once
        Map<String, Boolean> replies = new HashMap<>();
        for (int i : dated) {
            Email e = emails.get(i);
            String key = keys.computeIfAbsent(e.subject(), Subjects::key);
            if (key.isEmpty()) continue;
            List<Group> groups = open.computeIfAbsent(key, k -> new ArrayList<>());
            for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
                if (e.date() - it.next().last > gap) it.remove(); // dates only grow: it can never match again
            }
            boolean reply = replies.computeIfAbsent(e.subject(), Subjects::isReply);
            if (e.headerless()) {
                // A reply joins the latest conversation it shares someone with. An original joins only replies still
                // waiting for theirs (dated before it by a skewed clock), or a copy of itself filed under another
                // Message-ID (same date), so same-subject originals stay apart.
                Group best = null;
                for (Group g : groups) {
                    if ((reply || g.originals.isEmpty() || g.originals.contains(e.date())) && (best == null || g.last > best.last)
                            && overlaps(g.participants, e.participants())) best = g;
                }
                // A specific subject ("dinner monday april 23") with one open conversation needs no shared
                // participant: mail systems rewrite addresses (johnt@austinventures.com, john.thornton@enron.com).
                if (best == null && reply && groups.size() == 1 && specific(key)) best = groups.get(0);
                if (best != null) uf.union(best.member, i);
            }
            Group mine = null;
            for (Group g : groups) if (uf.find(g.member) == uf.find(i)) mine = g;
            if (mine == null) groups.add(mine = new Group(i, e.date()));
            mine.last = Math.max(mine.last, e.date());
            if (!reply) mine.originals.add(e.date());
            for (int p : e.participants()) mine.participants.add(p);
        }
    }

    /** Three words or more and fifteen letters or more: unlikely to be two conversations at once. */
    private static boolean specific(String key) {
        return key.length() >= 15 && key.split(" ").length >= 3;
    }

    private static boolean overlaps(Set<Integer> group, int[] participants) {
        for (int p : participants) if (group.contains(p)) return true;
        return false;
    }

    /** Union-find over email indices with path halving; the smaller index becomes the representative. */
    private static final class UnionFind {
        private final int[] up;

        UnionFind(int n) {
            up = new int[n];
            for (int i = 0; i < n; i++) up[i] = i;
        }

        int find(int x) {
            while (up[x] != x) {
                up[x] = up[up[x]];
                x = up[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a), rb = find(b);
            if (ra != rb) up[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
