package dossier.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the (name, address) pairs seen in From, To, Cc and Bcc into people, conservatively:
 *
 * <ol>
 *   <li>the same address is the same person (addresses are compared lower-case);</li>
 *   <li>two addresses are one person only when the same full name (first and last word, see {@link Names.Name}) was
 *       used with both and both local parts spell that name ({@code jeff.skilling@enron.com} and
 *       {@code jskilling@enron.net}, both written as "Jeff Skilling");</li>
 *   <li>a name without an address (Lotus Notes {@code Jeff Skilling/HOU/ECT@ECT}) joins the one person whose own names
 *       match it, first by the exact first and last name, then by a shortened first name (Jeff, Jeffrey); two or more
 *       candidates and it stays a person of its own;</li>
 *   <li>a generic address ({@code info@}, {@code noreply@}, {@code enron.announcements@}, see {@link #isGeneric})
 *       never merges with anything.</li>
 * </ol>
 *
 * Sharing a first name, or a last name alone, never merges anyone. Feed it with {@link #observe}, then
 * {@link #resolve}. Not thread-safe, nor is its {@link Resolution}, which shares its cache of parsed names.
 */
public final class Identities {
    /** A resolved person: a stable key (the most used address, else a slug of the name), then everything seen. */
    public record Person(String key, String name, List<String> addresses, List<String> names, boolean generic) {}

    /** The people and a lookup from what a header said to the person it names. */
    public static final class Resolution {
        private final List<Person> people;
        private final Identities keys;

        private Resolution(List<Person> people, Identities keys) {
            this.people = List.copyOf(people);
            this.keys = keys;
        }

        /** Everyone, most seen first. */
        public List<Person> people() {
            return people;
        }

        /** The index in {@link #people()} of the person a (name, address) pair denotes, or -1 when never observed. */
        public int personOf(String name, String address) {
            Key key = keys.nodeKey(name, address);
            int node = key == null ? -1 : keys.lookup(key);
            return node < 0 ? -1 : keys.nodes.get(node).person;
        }
    }

    /**
     * One address or one address-less name, as observed, with the names written with it in the order first seen. There
     * is a node for every distinct correspondent, so it is kept small: its first name and count are fields, further
     * ones two arrays, and a map only past eight names (a mailbox every spammer signs differently). A map and its boxed
     * counts for every node were a third of the pass's heap at 490,000 people, one-element arrays another 48 bytes.
     */
    private static final class Node {
        private static final int INDEXED_PAST = 8;

        /** What the node stands for: {@code a} an address, {@code n} a parsed name, {@code r} an unparsed one. */
        final char kind;
        /** The folded address, or the name's key. */
        final String text;
        long count;
        int up;
        /** The person this node belongs to, once resolved. */
        int person = -1;
        private String firstName;
        private long firstUses;
        /** The names after the first and their counts. */
        private String[] names;
        private long[] nameCounts;
        private int nameCount;
        /** Slots of the names, only for a node with many. */
        private Map<String, Integer> slots;

        Node(Key key, int index) {
            this.kind = key.kind();
            this.text = key.text();
            this.up = index;
        }

        /** The folded address, empty for a name. */
        String address() {
            return kind == 'a' ? text : "";
        }

        /** The key as the node was first known by, {@code "a:" + address} for example. */
        String key() {
            return kind + ":" + text;
        }

        void addName(String name, long n) {
            int slot = slot(name);
            if (slot == 0) firstUses += n;
            else if (slot > 0) nameCounts[slot - 1] += n;
            else if (nameCount == 0) {
                firstName = name;
                firstUses = n;
                nameCount = 1;
            } else {
                int k = nameCount - 1; // index in the arrays
                if (names == null) {
                    names = new String[1];
                    nameCounts = new long[1];
                } else if (k == names.length) {
                    names = Arrays.copyOf(names, k * 2);
                    nameCounts = Arrays.copyOf(nameCounts, k * 2);
                }
                names[k] = name;
                nameCounts[k] = n;
                if (slots != null) slots.put(name, nameCount);
                else if (nameCount + 1 > INDEXED_PAST) {
                    slots = new HashMap<>();
                    for (int i = 0; i <= nameCount; i++) slots.put(name(i), i);
                }
                nameCount++;
            }
        }

        private int slot(String name) {
            if (slots != null) return slots.getOrDefault(name, -1);
            for (int i = 0; i < nameCount; i++) if (name(i).equals(name)) return i;
            return -1;
        }

        int nameCount() {
            return nameCount;
        }

        String name(int i) {
            return i == 0 ? firstName : names[i - 1];
        }

        long nameUses(int i) {
            return i == 0 ? firstUses : nameCounts[i - 1];
        }
    }

    /** What identifies a node: see {@link Node#kind}. */
    private record Key(char kind, String text) {}

    /**
     * The address nodes by their address, which is the node's own string, and the name nodes by {@code kind:text}.
     * String keys, whose hash collisions a hostile dump can make at will ({@code "b?"} and {@code "a^"} hash alike,
     * so 2^16 addresses can share one hash): a {@code HashMap} then keeps a colliding bin as a tree ordered by the
     * strings, where an open-addressing table of string hashes would probe every colliding entry on each lookup.
     */
    private final Map<String, Integer> addressNodes = new HashMap<>(), nameNodes = new HashMap<>();
    /**
     * Parsed names: the same few thousand names are read again and again. At most {@value #PARSED_KEPT} are kept (a
     * dump of spam has a name for nearly every address, each read a few times: all of them cost 40 bytes a person),
     * and none once resolved.
     */
    private final Map<String, Optional<Names.Name>> parsed = new HashMap<>();
    private static final int PARSED_KEPT = 1 << 16;
    private boolean resolved;
    private final List<Node> nodes = new ArrayList<>();

    /** Counts one occurrence of a participant. */
    public void observe(String name, String address) {
        observe(name, address, 1);
    }

    /** Counts occurrences of a participant; pairs with neither a name nor an address are ignored. */
    public void observe(String name, String address, long count) {
        Key key = nodeKey(name, address);
        if (key == null) return;
        int i = lookup(key);
        if (i < 0) {
            i = nodes.size();
            nodes.add(new Node(key, i));
            insert(key, i);
        }
        Node n = nodes.get(i);
        n.count += count;
        String clean = Names.clean(name);
        if (!clean.isEmpty()) n.addName(clean, count);
    }

    /** Resolves everything observed so far. */
    public Resolution resolve() {
        joinNames(mergeAddresses());
        Resolution r = build();
        // A name is parsed again if asked for: the cache would hold one entry per distinct name, and the directory
        // asks for every name once more.
        parsed.clear();
        resolved = true;
        return r;
    }

    /**
     * Rule 2, addresses whose local parts spell the same full name used with each of them, are merged; and the names
     * each address vouches for ({@link #trustedNames}) are listed by last name for rule 3. One loop, so that each
     * name is parsed once for both.
     */
    private Map<String, List<Known>> mergeAddresses() {
        Map<String, Integer> firstWithName = new HashMap<>();
        Map<String, List<Known>> byLast = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.address().isEmpty() || isGeneric(n.address())) continue;
            for (Known k : trustedNames(n, i)) {
                if (k.spelled()) {
                    Integer other = firstWithName.putIfAbsent(k.name().key(), i);
                    if (other != null) union(other, i);
                }
                byLast.computeIfAbsent(k.name().last(), x -> new ArrayList<>()).add(k);
            }
        }
        return byLast;
    }

    /** Rule 3: an address-less name joins the one person whose names match it. */
    private void joinNames(Map<String, List<Known>> byLast) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!n.address().isEmpty()) continue;
            Names.Name name = n.nameCount() == 0 ? null : parse(n.name(0));
            if (name == null) continue;
            List<Known> known = byLast.getOrDefault(name.last(), List.of());
            Integer target = unique(known.stream().filter(k -> k.name().key().equals(name.key()) && k.name().compatible(name)).toList());
            if (target == null) target = unique(known.stream().filter(k -> k.name().compatible(name)).toList());
            if (target != null) union(target, i);
        }
    }

    /** A name an address vouches for, and whether the address spells it. */
    private record Known(int node, Names.Name name, boolean spelled) {}

    /** The one person among candidates, preferring those whose address spells the name; null when none or several. */
    private Integer unique(List<Known> candidates) {
        Set<Integer> all = new HashSet<>(), spelled = new HashSet<>();
        for (Known k : candidates) {
            all.add(find(k.node()));
            if (k.spelled()) spelled.add(find(k.node()));
        }
        if (all.size() == 1) return all.iterator().next();
        if (spelled.size() == 1) return spelled.iterator().next();
        return null;
    }

    /**
     * The names an address vouches for: those its local part spells; when none does, its dominant name (two thirds of
     * its named uses), so an assistant who once wrote from a boss's account does not lend the boss her name.
     */
    private List<Known> trustedNames(Node n, int node) {
        List<Known> spelled = new ArrayList<>();
        long named = 0;
        int top = -1;
        Names.Name topName = null;
        for (int k = 0; k < n.nameCount(); k++) {
            named += n.nameUses(k);
            Names.Name name = parse(n.name(k));
            if (top < 0 || n.nameUses(k) > n.nameUses(top)) {
                top = k;
                topName = name;
            }
            if (name != null && Names.localPartMatches(n.address(), name)) spelled.add(new Known(node, name, true));
        }
        if (!spelled.isEmpty()) return spelled;
        return topName != null && n.nameUses(top) * 3 >= named * 2 ? List.of(new Known(node, topName, false)) : List.of();
    }

    private Resolution build() {
        // A group's root is its smallest node (see union), so groups by ascending root are groups in the order their
        // first node was observed; members are listed in node order. Arrays, not a map of lists: this runs with every
        // node and person on the heap.
        int n = nodes.size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[find(i) + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] members = new int[n], fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) members[fill[find(i)]++] = i;
        fill = null;
        int groups = 0;
        for (int root = 0; root < n; root++) if (start[root] < start[root + 1]) groups++;
        Person[] built = new Person[groups];
        long[] counts = new long[groups];
        int[] roots = new int[groups];
        for (int root = 0, g = 0; root < n; root++) {
            if (start[root] == start[root + 1]) continue;
            List<Node> group = new ArrayList<>(start[root + 1] - start[root]);
            for (int k = start[root]; k < start[root + 1]; k++) {
                group.add(nodes.get(members[k]));
                counts[g] += nodes.get(members[k]).count;
            }
            built[g] = person(group);
            roots[g++] = root;
        }
        // Most used first, then by key, then in the order observed.
        int[] order = new int[groups];
        for (int g = 0; g < groups; g++) order[g] = g;
        IntSort.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
                : built[a].key().compareTo(built[b].key()));
        List<Person> people = new ArrayList<>(groups);
        // A key with an @ is the first address of its person, which no other person has, and no slug has an @: only
        // the other keys (slugs, addresses without an @) can meet, so only they are held, not one per person.
        Set<String> keys = new HashSet<>();
        for (int g : order) {
            Person p = built[g];
            built[g] = null;
            String key = p.key();
            if (key.indexOf('@') < 0) for (int k = 2; !keys.add(key); k++) key = p.key() + "-" + k;
            if (!key.equals(p.key())) p = new Person(key, p.name(), p.addresses(), p.names(), p.generic());
            for (int k = start[roots[g]]; k < start[roots[g] + 1]; k++) nodes.get(members[k]).person = people.size();
            people.add(p);
        }
        return new Resolution(people, this);
    }

    private Person person(List<Node> members) {
        List<Node> addressed = members.stream().filter(m -> !m.address().isEmpty())
                .sorted(Comparator.comparingLong((Node m) -> -m.count).thenComparing(Node::address)).toList();
        List<String> addresses = compact(addressed.stream().map(Node::address).toList());
        Map<String, Long> names = new HashMap<>();
        Map<String, Long> spelled = new HashMap<>();
        for (Node m : members) {
            for (int k = 0; k < m.nameCount(); k++) {
                String raw = m.name(k);
                long c = m.nameUses(k);
                String shown = Names.display(raw);
                if (shown.isEmpty()) continue;
                names.merge(shown, c, Long::sum);
                Names.Name parsed = parse(raw);
                if (parsed != null && addresses.stream().anyMatch(a -> Names.localPartMatches(a, parsed))) spelled.merge(shown, c, Long::sum);
            }
        }
        Comparator<Map.Entry<String, Long>> byCount = Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        List<String> nameList = compact(names.entrySet().stream().sorted(byCount).map(Map.Entry::getKey).toList());
        String display = (spelled.isEmpty() ? names : spelled).entrySet().stream().sorted(byCount)
                .map(Map.Entry::getKey).findFirst().orElse(addresses.isEmpty() ? "" : addresses.get(0));
        boolean generic = !addresses.isEmpty() && addresses.stream().allMatch(Identities::isGeneric);
        String key = addresses.isEmpty() ? slug(display.isEmpty() ? members.get(0).key() : display) : addresses.get(0);
        return new Person(key, display, addresses, nameList, generic);
    }

    /** The same list in the least memory: most people have one address and one name, which List.of holds inline. */
    private static List<String> compact(List<String> list) {
        return switch (list.size()) {
            case 0 -> List.of();
            case 1 -> List.of(list.get(0));
            default -> list;
        };
    }

    /** A URL-safe key for a person known only by name: {@code "Kenneth Lay"} gives {@code kenneth-lay}. */
    public static String slug(String name) {
        String s = Names.fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "unknown" : s;
    }

    private static final Set<String> GENERIC_LOCAL = Set.of("info", "noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "admin", "administrator", "postmaster", "mailer-daemon", "webmaster", "hostmaster", "root",
            "support", "help", "helpdesk", "sales", "contact", "contactus", "office", "news", "newsletter", "marketing",
            "abuse", "bounce", "bounces", "list", "lists", "team", "hr", "jobs", "careers", "billing", "service",
            "customerservice", "feedback", "press", "media", "editor", "subscribe", "unsubscribe", "notification",
            "notifications", "alert", "alerts", "calendar", "register", "registration", "reply", "mail", "email",
            "everyone", "all", "staff", "announce", "security", "it", "legal", "finance", "accounts", "orders");
    private static final String[] GENERIC_WORDS = {"announce", "noreply", "no-reply", "donotreply", "mailer-daemon",
            "newsletter", "notification", "bounce", "unsubscribe", "listserv", "majordomo", "mailman", "owner-",
            "-request", "-owner", "-bounces", "all.", ".all", "team", "helpdesk", "help.desk", "announcement",
            "distribution", "undisclosed"};

    /** True for addresses of systems, lists and shared mailboxes rather than one person. */
    public static boolean isGeneric(String address) {
        String a = normAddress(address);
        if (a.isEmpty()) return false;
        int at = a.indexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        if (GENERIC_LOCAL.contains(local)) return true;
        for (String w : GENERIC_WORDS) if (local.contains(w)) return true;
        return false;
    }

    private static String normAddress(String address) {
        return address == null ? "" : Names.fold(address.strip());
    }

    /** The node a pair belongs to: its address, or its name when there is none. */
    private Names.Name parse(String raw) {
        String r = raw == null ? "" : raw;
        if (resolved) return Names.parse(r);
        Optional<Names.Name> known = parsed.get(r);
        if (known != null) return known.orElse(null);
        Names.Name name = Names.parse(r);
        if (parsed.size() < PARSED_KEPT) parsed.put(r, Optional.ofNullable(name));
        return name;
    }

    private Key nodeKey(String name, String address) {
        String a = normAddress(address);
        if (!a.isEmpty()) return new Key('a', a);
        Names.Name n = parse(name);
        if (n != null) return new Key('n', n.first() + " " + n.middle() + " " + n.last());
        String clean = Names.fold(Names.clean(name)).replaceAll("\\s+", " ");
        return clean.isEmpty() ? null : new Key('r', clean);
    }

    /** The index of the node with this key, or -1. */
    private int lookup(Key key) {
        Integer node = key.kind() == 'a' ? addressNodes.get(key.text()) : nameNodes.get(key.kind() + ":" + key.text());
        return node == null ? -1 : node;
    }

    private void insert(Key key, int node) {
        if (key.kind() == 'a') addressNodes.put(key.text(), node);
        else nameNodes.put(key.kind() + ":" + key.text(), node);
    }

    private int find(int i) {
        while (nodes.get(i).up != i) {
            Node n = nodes.get(i);
            n.up = nodes.get(n.up).up;
            i = n.up;
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) nodes.get(Math.max(ra, rb)).up = Math.min(ra, rb);
    }
}
