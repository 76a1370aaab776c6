package dossier.enrich;

import java.util.Arrays;
import java.util.List;

/**
 * Jamie Zawinski's threading algorithm (steps 1 to 4): links messages into a forest by Message-ID and References,
 * with a container for every referenced id, present in the archive or not. A link that would make a loop is never
 * made, so self-references, cycles ({@code A → B → A}) and duplicate Message-IDs cannot hang or corrupt it; an
 * ancestor walk is bounded as well. Subject grouping (JWZ step 5) is left to {@link Threader}, which does it more
 * carefully. Ids are held as {@link Fingerprint}s, so a container costs 12 bytes and an id in the lookup about 24,
 * and the lookup is dropped once linking is done.
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
    private int[] parent, message;
    /** Per container: how many children it has; a container without children cannot close a loop. */
    private int[] kids;
    private int containers;
    /** Per message: its container. */
    private int[] containerOf;
    private int messages;
    private int[] root;

    /** A threader for any number of messages. */
    public Jwz() {
        this(48);
    }

    /** A threader with room for about {@code messages} messages before its lookup of ids grows. */
    public Jwz(int messages) {
        int n = Math.max(messages, 64);
        byId = new LongIntMap(n);
        parent = new int[n];
        message = new int[n];
        kids = new int[n];
        containerOf = new int[n];
    }

    /**
     * Adds a message and links it; returns its index (0, 1, ...).
     *
     * @param references the References ids oldest first, with the In-Reply-To id last when it is not already there
     */
    public int add(String messageId, List<String> references) {
        long[] refs = new long[references.size()];
        for (int k = 0; k < refs.length; k++) refs[k] = Fingerprint.messageId(references.get(k));
        return add(Fingerprint.messageId(messageId), refs, 0, refs.length);
    }

    /**
     * Adds a message by fingerprints and links it; returns its index (0, 1, ...).
     *
     * @param messageId  the fingerprint of its Message-ID, 0 for none
     * @param references fingerprints of the References ids oldest first, with the In-Reply-To id last when it is not
     *                   already there, in {@code references[from]} to {@code references[to - 1]}; 0 is skipped
     */
    public int add(long messageId, long[] references, int from, int to) {
        if (root != null) throw new IllegalStateException("already run");
        long own = messageId;
        int c = own == 0 ? -1 : container(own);
        if (c < 0 || message[c] >= 0) c = newContainer(); // no id, or a duplicate id: a container of its own
        int m = messages++;
        if (m == containerOf.length) containerOf = Arrays.copyOf(containerOf, m * 2);
        containerOf[m] = c;
        message[c] = m;
        int prev = -1;
        for (int k = from; k < to; k++) {
            long r = references[k];
            if (r == 0 || r == own) continue; // a self-reference says nothing
            int rc = container(r);
            if (rc == prev) continue;
            if (prev >= 0 && parent[rc] < 0 && !wouldLoop(prev, rc)) link(rc, prev);
            prev = rc;
        }
        // The message's own References are the best word on its parent: they replace a parent guessed from others.
        if (prev >= 0 && prev != c && parent[c] != prev && !wouldLoop(prev, c)) link(c, prev);
        return m;
    }

    /** Finishes linking: computes every container's root. */
    public void run() {
        byId = null; // ids are all linked: only the forest is left to read
        root = new int[containers];
        Arrays.fill(root, -1);
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
        return root[containerOf[message]];
    }

    /**
     * The nearest ancestor that is a message in this set (missing messages are skipped, their children promoted), or
     * -1 for a top message.
     */
    public int parent(int m) {
        int steps = 0;
        for (int c = parent[containerOf[m]]; c >= 0 && steps++ < MAX_DEPTH; c = parent[c]) {
            if (message[c] >= 0) return message[c];
        }
        return -1;
    }

    private int rootOf(int c) {
        int x = c, steps = 0;
        while (parent[x] >= 0 && root[x] < 0 && steps++ < MAX_DEPTH) x = parent[x];
        int r = root[x] >= 0 ? root[x] : x;
        for (int y = c; y != x && root[y] < 0; y = parent[y]) root[y] = r;
        root[x] = r;
        return r;
    }

    private void link(int child, int p) {
        if (parent[child] >= 0) kids[parent[child]]--;
        parent[child] = p;
        kids[p]++;
    }

    /** True when making {@code child} a child of {@code p} would close a loop: p is child or one of its descendants. */
    private boolean wouldLoop(int p, int child) {
        if (p == child) return true;
        if (kids[child] == 0) return false; // only an ancestor of p can close a loop, and it has children
        int steps = 0;
        for (int x = p; x >= 0; x = parent[x]) {
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
        if (containers == parent.length) {
            int more = containers + containers / 2; // ids only referenced: usually a few more than the messages
            parent = Arrays.copyOf(parent, more);
            message = Arrays.copyOf(message, more);
            kids = Arrays.copyOf(kids, more);
        }
        parent[containers] = -1;
        message[containers] = -1;
        return containers++;
    }
}
