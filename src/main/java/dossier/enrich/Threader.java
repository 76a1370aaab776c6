package dossier.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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
 * on its order.
 *
 * <p>An archive's emails come as {@link MailKeys} (a few primitive arrays off the heap) with their participants
 * asked for one email at a time, and the work arrays are off the heap too, so threading millions of emails holds
 * no more heap than threading a few thousand: the subjects of the last {@link #window}'s conversations; a list of
 * {@link Email}s is the readable form for a few. Stateless and thread-safe.
 */
public final class Threader {
    private final Duration window;

    /** One email as threading sees it. */
    public record Email(long id, String messageId, String inReplyTo, List<String> references, String subject,
                        long date, int[] participants) {
        /** No date known. */
        public static final long NO_DATE = MailKeys.NO_DATE;

        public Email {
            messageId = messageId == null ? "" : messageId;
            inReplyTo = inReplyTo == null ? "" : inReplyTo;
            references = references == null ? List.of() : references;
            subject = subject == null ? "" : subject;
            participants = participants == null ? new int[0] : participants;
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
        MailKeys.Builder keys = new MailKeys.Builder(emails.size(), 16);
        for (Email e : emails) keys.add(e);
        return threads(keys.build(), i -> emails.get(i).participants()).toArray(emails.size());
    }

    /**
     * The thread id of each email, by its number in {@code emails}.
     *
     * @param participants the person numbers of an email's participants, asked for once per dated email with a subject
     */
    public LongArray threads(MailKeys emails, IntFunction<int[]> participants) {
        int n = emails.size();
        // Input order must not matter: thread in id order.
        IntArray byId = emails.byId();
        UnionFind uf = new UnionFind(n);
        byReferences(emails, byId, uf);
        bySubject(emails, emails.byDate(byId), participants, uf);
        LongArray min = new LongArray(n);
        min.fill(0, n, Long.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int r = uf.find(i);
            min.set(r, Math.min(min.get(r), emails.id(i)));
        }
        for (int i = 0; i < n; i++) min.set(i, min.get(uf.find(i))); // a root comes before its members: already final
        return min;
    }

    /** JWZ over Message-ID, In-Reply-To and References: emails under one root share a thread. */
    private static void byReferences(MailKeys emails, IntArray byId, UnionFind uf) {
        int n = emails.size();
        Jwz jwz = new Jwz(n);
        LongArray refs = emails.refs();
        for (int k = 0; k < n; k++) {
            int i = byId.get(k);
            jwz.add(emails.messageId(i), refs, emails.refStart(i), emails.refEnd(i));
        }
        jwz.run();
        IntArray firstOfRoot = new IntArray(jwz.containers());
        firstOfRoot.fill(0, jwz.containers(), -1);
        for (int k = 0; k < n; k++) {
            int root = jwz.root(k), first = firstOfRoot.get(root);
            if (first < 0) firstOfRoot.set(root, byId.get(k));
            else uf.union(first, byId.get(k));
        }
    }

    /**
     * An open conversation under one subject key: one member, its latest date and everyone in it. Tens of thousands
     * are open at once in a dense archive, so it holds primitives: some 60 bytes and 4 a participant.
     */
    private static final class Group {
        private static final long NONE = Long.MIN_VALUE;

        final int member;
        long last;
        /**
         * The date of its latest email without a reply prefix, {@link #NONE} while it is replies waiting for their
         * original. Emails come in date order, so the latest is the only one a later email can have the date of.
         */
        long lastOriginal = NONE;
        /** Its participants' numbers, in increasing order: {@code people[0]} to {@code people[count - 1]}. */
        private int[] people = new int[4];
        private int count;

        Group(int member, long last) {
            this.member = member;
            this.last = last;
        }

        boolean hasOriginal() {
            return lastOriginal != NONE;
        }

        boolean overlaps(int[] participants) {
            for (int p : participants) if (Arrays.binarySearch(people, 0, count, p) >= 0) return true;
            return false;
        }

        /** Adds an email's participants: one merge, in time linear in the group's size, when any is new. */
        void addAll(int[] participants) {
            int[] add = participants.clone();
            Arrays.sort(add);
            int missing = 0;
            for (int k = 0; k < add.length; k++) {
                if ((k == 0 || add[k] != add[k - 1]) && Arrays.binarySearch(people, 0, count, add[k]) < 0) missing++;
            }
            if (missing == 0) return; // the usual case: the same people answering each other
            int[] merged = new int[Math.max(people.length, Integer.highestOneBit(count + missing) << 1)];
            int n = 0, a = 0, b = 0;
            while (a < count || b < add.length) {
                int next = b == add.length || (a < count && people[a] <= add[b]) ? people[a] : add[b];
                while (a < count && people[a] == next) a++;
                while (b < add.length && add[b] == next) b++;
                merged[n++] = next;
            }
            people = merged;
            count = n;
        }
    }

    /** {@code dated}: the dated emails in date order, then id order. */
    private void bySubject(MailKeys emails, IntArray dated, IntFunction<int[]> participants, UnionFind uf) {
        long gap = window.toMillis();
        Map<Long, List<Group>> open = new HashMap<>();
        int sweepAt = 1024;
        for (int d = 0; d < dated.length(); d++) {
            int i = dated.get(d);
            long key = emails.subject(i), date = emails.date(i);
            if (key == 0) continue;
            // Dates only grow, so a conversation quiet for longer than the window can never be joined again: drop
            // those whenever the subjects held have doubled, so that only the last window's stay in memory.
            if (open.size() > sweepAt) {
                open.values().removeIf(gs -> {
                    gs.removeIf(g -> date - g.last > gap);
                    return gs.isEmpty();
                });
                sweepAt = Math.max(1024, 2 * open.size());
            }
            List<Group> groups = open.computeIfAbsent(key, k -> new ArrayList<>());
            for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
                if (date - it.next().last > gap) it.remove();
            }
            boolean reply = emails.reply(i);
            int[] people = participants.apply(i);
            if (emails.headerless(i)) {
                // A reply joins the latest conversation it shares someone with. An original joins only replies still
                // waiting for theirs (dated before it by a skewed clock), or a copy of itself filed under another
                // Message-ID (same date), so same-subject originals stay apart.
                Group best = null;
                for (Group g : groups) {
                    if ((reply || !g.hasOriginal() || g.lastOriginal == date) && (best == null || g.last > best.last)
                            && g.overlaps(people)) best = g;
                }
                // A specific subject ("dinner monday april 23") with one open conversation needs no shared
                // participant: mail systems rewrite addresses (johnt@austinventures.com, john.thornton@enron.com).
                if (best == null && reply && groups.size() == 1 && emails.specific(i)) best = groups.get(0);
                if (best != null) uf.union(best.member, i);
            }
            Group mine = null;
            for (Group g : groups) if (uf.find(g.member) == uf.find(i)) mine = g;
            if (mine == null) groups.add(mine = new Group(i, date));
            mine.last = Math.max(mine.last, date);
            if (!reply) mine.lastOriginal = date;
            mine.addAll(people);
        }
    }

    /** Union-find over email indices with path halving; the smaller index becomes the representative. */
    private static final class UnionFind {
        private final IntArray up;

        UnionFind(int n) {
            up = IndexSort.identity(n);
        }

        int find(int x) {
            for (int u = up.get(x); u != x; u = up.get(x)) {
                int uu = up.get(u);
                up.set(x, uu);
                x = uu;
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a), rb = find(b);
            if (ra != rb) up.set(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
