package dossier.enrich;

import java.util.List;

/**
 * Jamie Zawinski's threading algorithm (steps 1 to 4): links messages into a forest by Message-ID and References,
 * with a container for every referenced id, present in the archive or not. A link that would make a loop is never
 * made, so self-references, cycles ({@code A → B → A}) and duplicate Message-IDs cannot hang or corrupt it; an
 * ancestor walk is bounded as well. Subject grouping (JWZ step 5) is left to {@link Threader}, which does it more
 * carefully. Ids are held as {@link Fingerprint}s, so a container costs 16 bytes and an id in the lookup about 24,
 * all off the heap ({@link IntArray}), and the lookup is dropped once linking is done.
 *
 * <pre>{@code
 * Jwz j = new Jwz();
 * j.add("a@x", List.of());
 * j.add("b@x", List.of("a@x"));
 * j.run();
 * j.parent(1);  // 0
 * j.root(1) == j.root(0);  // true: one thread
 * }</pre>
 *
 * <p>Not thread-safe: one instance threads one set of messages.
 */
public final class Jwz {
    /** Longest ancestor walk when checking for a loop; deeper links are treated as loops and not made. */
    private static final int MAX_DEPTH = 100_000;

    private LongIntMap byId;
    /** Per container: parent container or -1, and the message it holds or -1 (a missing message). */
    private final IntArray parent, message;
    /** Per container: how many children it has; a container without children cannot close a loop. */
    private final IntArray kids;
    private int containers;
    /** Per message: its container. */
    private final IntArray containerOf;
    private int messages;
    private IntArray root;
    /** The fingerprints of the references {@link #add(String, List)} was given last. */
    private final LongArray refs = new LongArray(0);

    /** A threader for any number of messages. */
    public Jwz() {
        this(48);
    }

    /** A threader with room for about {@code messages} messages before its lookup of ids grows. */
    public Jwz(int messages) {
        int n = Math.max(messages, 64);
        byId = new LongIntMap(n);
        parent = new IntArray(n);
        message = new IntArray(n);
        kids = new IntArray(n);
        containerOf = new IntArray(n);
    }

    /**
     * Adds a message and links it; returns its index (0, 1, ...).
     *
     * @param references the References ids oldest first, with the In-Reply-To id last when it is not already there
     */
    public int add(String messageId, List<String> references) {
        refs.ensure(references.size());
        for (int k = 0; k < references.size(); k++) refs.set(k, Fingerprint.messageId(references.get(k)));
        return add(Fingerprint.messageId(messageId), refs, 0, references.size());
    }

    /**
     * Adds a message by fingerprints and links it; returns its index (0, 1, ...).
     *
     * @param messageId  the fingerprint of its Message-ID, 0 for none
     * @param references fingerprints of the References ids oldest first, with the In-Reply-To id last when it is not
     *                   already there, in {@code references[from]} to {@code references[to - 1]}; 0 is skipped
     */
    public int add(long messageId, LongArray references, int from, int to) {
        if (root != null) throw new IllegalStateException("already run");
        long own = messageId;
        int c = own == 0 ? -1 : container(own);
        if (c < 0 || message.get(c) >= 0) c = newContainer(); // no id, or a duplicate id: a container of its own
        int m = messages++;
        containerOf.ensure(m + 1L);
        containerOf.set(m, c);
        message.set(c, m);
        int prev = -1;
        for (int k = from; k < to; k++) {
            long r = references.get(k);
            if (r == 0 || r == own) continue; // a self-reference says nothing
            int rc = container(r);
            if (rc == prev) continue;
            if (prev >= 0 && parent.get(rc) < 0 && !wouldLoop(prev, rc)) link(rc, prev);
            prev = rc;
        }
        // The message's own References are the best word on its parent: they replace a parent guessed from others.
        if (prev >= 0 && prev != c && parent.get(c) != prev && !wouldLoop(prev, c)) link(c, prev);
        return m;
    }

    /** Finishes linking: computes every container's root. */
    public void run() {
        byId = null; // ids are all linked: only the forest is left to read
        root = new IntArray(containers);
        root.fill(0, containers, -1);
        for (int c = 0; c < containers; c++) rootOf(c);
    }

    /** Number of messages added. */
    public int size() {
        return messages;
    }

    /** How many containers (messages, and ids only referenced); every {@link #root} is below this. */
    public int containers() {
        return containers;
    }

    /** The thread of a message: messages with the same root are in the same thread. */
    public int root(int message) {
        return root.get(containerOf.get(message));
    }

    /**
     * The nearest ancestor that is a message in this set (missing messages are skipped, their children promoted), or
     * -1 for a top message.
     */
    public int parent(int m) {
        int steps = 0;
        for (int c = parent.get(containerOf.get(m)); c >= 0 && steps++ < MAX_DEPTH; c = parent.get(c)) {
            if (message.get(c) >= 0) return message.get(c);
        }
        return -1;
    }

    private int rootOf(int c) {
        int x = c, steps = 0;
        while (parent.get(x) >= 0 && root.get(x) < 0 && steps++ < MAX_DEPTH) x = parent.get(x);
        int r = root.get(x) >= 0 ? root.get(x) : x;
        for (int y = c; y != x && root.get(y) < 0; y = parent.get(y)) root.set(y, r);
        root.set(x, r);
        return r;
    }

    private void link(int child, int p) {
        int old = parent.get(child);
        if (old >= 0) kids.set(old, kids.get(old) - 1);
        parent.set(child, p);
        kids.set(p, kids.get(p) + 1);
    }

    /** True when making {@code child} a child of {@code p} would close a loop: p is child or one of its descendants. */
    private boolean wouldLoop(int p, int child) {
        if (p == child) return true;
        if (kids.get(child) == 0) return false; // only an ancestor of p can close a loop, and it has children
        int steps = 0;
        for (int x = p; x >= 0; x = parent.get(x)) {
            if (x == child || steps++ >= MAX_DEPTH) return true;
        }
        return false;
    }

    private int container(long id) {
        int c = byId.get(id);
        if (c >= 0) return c;
        int n = newContainer();
        byId.put(id, n);
        return n;
    }

    private int newContainer() {
        long more = containers + 1L; // the arrays map more room as they need it, and copy nothing past a chunk
        parent.ensure(more);
        message.ensure(more);
        kids.ensure(more);
        parent.set(containers, -1);
        message.set(containers, -1);
        return containers++;
    }
}
