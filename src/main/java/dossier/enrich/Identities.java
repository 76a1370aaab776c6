package dossier.enrich;

import java.util.AbstractList;
import java.util.ArrayList;
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
 * {@link #resolve}. Everything it holds of each distinct correspondent (nodes, names, people) is off the heap, in
 * {@link StringTable}s and arrays ({@link IntArray}, {@link LongArray}), so the heap it needs does not grow with them.
 * Not thread-safe, nor is its {@link Resolution}, which shares its cache of parsed names.
 */
public final class Identities {
    /** A resolved person: a stable key (the most used address, else a slug of the name), then everything seen. */
    public record Person(String key, String name, List<String> addresses, List<String> names, boolean generic) {}

    /**
     * The people and a lookup from what a header said to the person it names. The people are held off the heap
     * ({@link People}); {@link #people()} makes each anew when asked.
     */
    public static final class Resolution {
        private final Identities nodes;
        private final People people;
        /** The group of the p-th person, most seen first. */
        private final IntArray order;
        private final int size;
        private final List<Person> view;

        private Resolution(Identities nodes, People people, IntArray order) {
            this.nodes = nodes;
            this.people = people;
            this.order = order;
            this.size = people.size();
            this.view = new AbstractList<>() {
                @Override
                public Person get(int p) {
                    java.util.Objects.checkIndex(p, size);
                    return people.get(order.get(p));
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        /** Everyone, most seen first: a view whose {@code get} makes the person anew each time. */
        public List<Person> people() {
            return view;
        }

        /** The key of the p-th person. */
        public String key(int p) {
            return people.key(order.get(p));
        }

        /** Compares the keys of two people as {@link String#compareTo} does, without making them. */
        public int compareKeys(int p, int q) {
            return people.compareKeys(order.get(p), order.get(q));
        }

        /** The index in {@link #people()} of the person a (name, address) pair denotes, or -1 when never observed. */
        public int personOf(String name, String address) {
            Key key = nodes.nodeKey(name, address);
            int node = key == null ? -1 : nodes.keys.find(key.string());
            return node < 0 ? -1 : nodes.person.get(node);
        }
    }

    /** What identifies a node: {@code a} an address, {@code n} a parsed name, {@code r} an unparsed one; and its text. */
    private record Key(char kind, String text) {
        /** The node's key as {@link #keys} holds it, {@code "a:" + address} for example. */
        String string() {
            return kind + ":" + text;
        }
    }

    /*
     * The nodes: one for every address and every address-less name observed, numbered in the order first observed.
     * There is one for every distinct correspondent, so everything of theirs is off the heap: node i's key is string i
     * of keys, its count, union-find parent and person are elements of arrays, and the names written with it a chain of
     * entries, in the order first seen, found by (node, name) in a map.
     */
    private final StringTable keys = new StringTable();
    private final LongArray count = new LongArray(0);
    private final IntArray up = new IntArray(0), person = new IntArray(0);
    /** Node i's first and last name entry, plus one; 0 for none. */
    private final IntArray nameHead = new IntArray(0), nameTail = new IntArray(0);
    private final StringTable names = new StringTable();
    /** Entry e: its name (in {@link #names}), uses, and the node's next entry plus one. */
    private final IntArray entryName = new IntArray(0), entryNext = new IntArray(0);
    private final LongArray entryUses = new LongArray(0);
    private final LongIntMap entryOf = new LongIntMap();
    private int entries;

    /*
     * The names each address vouches for (see trustedNames), for rules 2 and 3: known name k is node knownNode[k]'s,
     * with the full name knownKey[k] (in fullNames), first and last name knownFirst[k] and knownLast[k] (in parts) and
     * the initial of its middle name (-1 for none); knownSpelled[k] is 1 when the node's local part spells it.
     */
    private final StringTable fullNames = new StringTable(), parts = new StringTable();
    /** The first node whose local part spells a full name, by the name's id; -1 for none yet. */
    private final IntArray firstSpelled = new IntArray(0);
    private final IntArray knownNode = new IntArray(0), knownKey = new IntArray(0), knownFirst = new IntArray(0),
            knownLast = new IntArray(0), knownMiddle = new IntArray(0), knownSpelled = new IntArray(0);
    private int known;

    /**
     * Parsed names: the same few thousand names are read again and again. At most {@value #PARSED_KEPT} are kept (a
     * dump of spam has a name for nearly every address, each read a few times), and none once resolved.
     */
    private final Map<String, Optional<Names.Name>> parsed = new HashMap<>();
    private static final int PARSED_KEPT = 1 << 16;
    private boolean resolved;

    /** Counts one occurrence of a participant. */
    public void observe(String name, String address) {
        observe(name, address, 1);
    }

    /** Counts occurrences of a participant; pairs with neither a name nor an address are ignored. */
    public void observe(String name, String address, long uses) {
        Key key = nodeKey(name, address);
        if (key == null) return;
        int nodes = keys.size();
        int i = keys.add(key.string());
        if (i == nodes) {
            count.ensure(i + 1L);
            up.ensure(i + 1L);
            person.ensure(i + 1L);
            nameHead.ensure(i + 1L);
            nameTail.ensure(i + 1L);
            up.set(i, i);
            person.set(i, -1);
        }
        count.set(i, count.get(i) + uses);
        String clean = Names.clean(name);
        if (!clean.isEmpty()) addName(i, clean, uses);
    }

    private void addName(int node, String name, long uses) {
        int id = names.add(name);
        long key = (long) (node + 1) << 32 | id;
        int e = entryOf.get(key);
        if (e >= 0) {
            entryUses.set(e, entryUses.get(e) + uses);
            return;
        }
        e = entries++;
        entryName.ensure(entries);
        entryNext.ensure(entries);
        entryUses.ensure(entries);
        entryName.set(e, id);
        entryUses.set(e, uses);
        if (nameHead.get(node) == 0) nameHead.set(node, e + 1);
        else entryNext.set(nameTail.get(node) - 1, e + 1);
        nameTail.set(node, e + 1);
        entryOf.put(key, e);
    }

    /** Resolves everything observed so far. */
    public Resolution resolve() {
        mergeAddresses();
        joinNames();
        Resolution r = build();
        // A name is parsed again if asked for: the cache would hold one entry per distinct name, and the directory
        // asks for every name once more.
        parsed.clear();
        resolved = true;
        return r;
    }

    /** The folded address of an address node, empty for a name's. */
    private String address(int node) {
        return keys.charAt(node, 0) == 'a' ? keys.get(node).substring(2) : "";
    }

    /**
     * Rule 2, addresses whose local parts spell the same full name used with each of them, are merged; and the names
     * each address vouches for ({@link #trustedNames}) are noted for rule 3. One loop, so that each name is parsed
     * once for both.
     */
    private void mergeAddresses() {
        for (int i = 0; i < keys.size(); i++) {
            String address = address(i);
            if (address.isEmpty() || isGeneric(address)) continue;
            for (Trusted t : trustedNames(i, address)) {
                int names = fullNames.size(), key = fullNames.add(t.name().key());
                if (key == names) {
                    firstSpelled.ensure(key + 1L);
                    firstSpelled.set(key, -1);
                }
                if (t.spelled()) {
                    int other = firstSpelled.get(key);
                    if (other < 0) firstSpelled.set(key, i);
                    else union(other, i);
                }
                int k = known++;
                for (IntArray a : List.of(knownNode, knownKey, knownFirst, knownLast, knownMiddle, knownSpelled)) a.ensure(known);
                knownNode.set(k, i);
                knownKey.set(k, key);
                knownFirst.set(k, parts.add(t.name().first()));
                knownLast.set(k, parts.add(t.name().last()));
                knownMiddle.set(k, t.name().middle().isEmpty() ? -1 : t.name().middle().charAt(0));
                knownSpelled.set(k, t.spelled() ? 1 : 0);
            }
        }
    }

    /** Rule 3: an address-less name joins the one person whose names match it. */
    private void joinNames() {
        // The known names by last name, each last name's in the order noted (a counting sort).
        IntArray start = new IntArray(parts.size() + 1L), byLast = new IntArray(known);
        for (int k = 0; k < known; k++) start.set(knownLast.get(k) + 1, start.get(knownLast.get(k) + 1) + 1);
        for (int l = 0; l < parts.size(); l++) start.set(l + 1, start.get(l + 1) + start.get(l));
        IntArray fill = new IntArray(parts.size());
        for (int k = 0; k < known; k++) {
            int l = knownLast.get(k);
            byLast.set(start.get(l) + fill.get(l), k);
            fill.set(l, fill.get(l) + 1);
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.charAt(i, 0) == 'a' || nameHead.get(i) == 0) continue;
            Names.Name name = parse(names.get(entryName.get(nameHead.get(i) - 1)));
            if (name == null) continue;
            int last = parts.find(name.last());
            if (last < 0) continue;
            Candidates c = new Candidates(byLast, start.get(last), start.get(last + 1), name);
            int fullName = fullNames.find(name.key()); // -1: no candidate has it
            Integer target = fullName < 0 ? null : c.unique(fullName);
            if (target == null) target = c.unique(-1);
            if (target != null) union(target, i);
        }
    }

    /** The known names with a name-only node's last name: {@code byLast[from]} to {@code byLast[to - 1]}. */
    private final class Candidates {
        private final IntArray byLast;
        private final int from, to, first;
        private final Names.Name name;

        Candidates(IntArray byLast, int from, int to, Names.Name name) {
            this.byLast = byLast;
            this.from = from;
            this.to = to;
            this.name = name;
            this.first = parts.find(name.first());
        }

        /**
         * The one person among the compatible candidates (with the full name {@code key} too, unless -1), preferring
         * those whose address spells the name; null when none or several.
         */
        Integer unique(int key) {
            Set<Integer> all = new HashSet<>(), spelled = new HashSet<>();
            for (int j = from; j < to; j++) {
                int k = byLast.get(j);
                if (key >= 0 && knownKey.get(k) != key || !compatible(k)) continue;
                all.add(find(knownNode.get(k)));
                if (knownSpelled.get(k) == 1) spelled.add(find(knownNode.get(k)));
            }
            if (all.size() == 1) return all.iterator().next();
            if (spelled.size() == 1) return spelled.iterator().next();
            return null;
        }

        /** {@link Names.Name#compatible} of known name k with this name, whose last name it shares. */
        private boolean compatible(int k) {
            int middle = knownMiddle.get(k);
            if (middle >= 0 && !name.middle().isEmpty() && middle != name.middle().charAt(0)) return false;
            if (knownFirst.get(k) == first) return true;
            String f = parts.get(knownFirst.get(k)), o = name.first();
            String s = f.length() < o.length() ? f : o, l = s == f ? o : f;
            return s.length() >= 3 && l.startsWith(s);
        }
    }

    /** A name an address vouches for, and whether the address spells it. */
    private record Trusted(Names.Name name, boolean spelled) {}

    /**
     * The names an address vouches for: those its local part spells; when none does, its dominant name (two thirds of
     * its named uses), so an assistant who once wrote from a boss's account does not lend the boss her name.
     */
    private List<Trusted> trustedNames(int node, String address) {
        List<Trusted> spelled = new ArrayList<>();
        long named = 0, topUses = -1;
        Names.Name topName = null;
        for (int e = nameHead.get(node) - 1; e >= 0; e = entryNext.get(e) - 1) {
            long uses = entryUses.get(e);
            named += uses;
            Names.Name name = parse(names.get(entryName.get(e)));
            if (topUses < 0 || uses > topUses) {
                topUses = uses;
                topName = name;
            }
            if (name != null && Names.localPartMatches(address, name)) spelled.add(new Trusted(name, true));
        }
        if (!spelled.isEmpty()) return spelled;
        return topName != null && topUses * 3 >= named * 2 ? List.of(new Trusted(topName, false)) : List.of();
    }

    private Resolution build() {
        // A group's root is its smallest node (see union), so groups by ascending root are groups in the order their
        // first node was observed; members are listed in node order.
        int n = keys.size();
        IntArray start = new IntArray(n + 1L), members = new IntArray(n), fill = new IntArray(n);
        for (int i = 0; i < n; i++) start.set(find(i) + 1, start.get(find(i) + 1) + 1);
        for (int i = 0; i < n; i++) start.set(i + 1, start.get(i + 1) + start.get(i));
        for (int i = 0; i < n; i++) {
            int root = find(i);
            members.set(start.get(root) + fill.get(root), i);
            fill.set(root, fill.get(root) + 1);
        }
        People built = new People();
        LongArray counts = new LongArray(0);
        IntArray roots = new IntArray(0);
        for (int root = 0; root < n; root++) {
            int from = start.get(root), to = start.get(root + 1);
            if (from == to) continue;
            int[] group = new int[to - from];
            long c = 0;
            for (int k = from; k < to; k++) {
                group[k - from] = members.get(k);
                c += count.get(members.get(k));
            }
            int g = built.size();
            counts.ensure(g + 1L);
            roots.ensure(g + 1L);
            counts.set(g, c);
            roots.set(g, root);
            person(group, built);
        }
        // Most used first, then by key, then in the order observed.
        int groups = built.size();
        IntArray order = new IntArray(groups);
        for (int g = 0; g < groups; g++) order.set(g, g);
        IntSort.sort(order, groups, (a, b) -> counts.get(a) != counts.get(b) ? Long.compare(counts.get(b), counts.get(a))
                : built.compareKeys(a, b));
        // A key with an @ is the first address of its person, which no other person has, and no slug has an @: only
        // the other keys (slugs, addresses without an @) can meet, so only they are held, not one per person.
        StringTable taken = new StringTable();
        for (int p = 0; p < groups; p++) {
            int g = order.get(p);
            String first = built.key(g), key = first;
            if (key.indexOf('@') < 0) {
                for (int k = 2; taken.find(key) >= 0; k++) key = first + "-" + k;
                taken.add(key);
                if (!key.equals(first)) built.rekey(g, key);
            }
            for (int k = start.get(roots.get(g)); k < start.get(roots.get(g) + 1); k++) person.set(members.get(k), p);
        }
        return new Resolution(this, built, order);
    }

    /** Adds the person of a group of nodes to {@code out}. */
    private void person(int[] members, People out) {
        List<Integer> addressed = new ArrayList<>();
        for (int m : members) if (keys.charAt(m, 0) == 'a') addressed.add(m);
        addressed.sort(Comparator.comparingLong((Integer m) -> -count.get(m)).thenComparing(this::address));
        List<String> addresses = compact(addressed.stream().map(this::address).toList());
        Map<String, Long> names = new HashMap<>();
        Map<String, Long> spelled = new HashMap<>();
        for (int m : members) {
            for (int e = nameHead.get(m) - 1; e >= 0; e = entryNext.get(e) - 1) {
                String raw = this.names.get(entryName.get(e));
                long c = entryUses.get(e);
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
        String key = addresses.isEmpty() ? slug(display.isEmpty() ? keys.get(members[0]) : display) : addresses.get(0);
        out.add(new Person(key, display, addresses, nameList, generic));
    }

    /**
     * Resolved people off the heap: their strings in a {@link StringTable}, and for person g its key, name, flag, and
     * its addresses then names as string ids in one array.
     */
    private static final class People {
        /** Not indexed: the people's strings are only ever read back by id. */
        private final StringTable text = new StringTable(false);
        private final IntArray key = new IntArray(0), name = new IntArray(0), generic = new IntArray(0);
        /** Person g's addresses are lists[start[g]] to lists[split[g] - 1], its names from there to start[g + 1] - 1. */
        private final IntArray start = new IntArray(1), split = new IntArray(0), lists = new IntArray(0);
        private int size;

        int size() {
            return size;
        }

        void add(Person p) {
            int g = size++;
            for (IntArray a : List.of(key, name, generic, split)) a.ensure(size);
            start.ensure(size + 1L);
            key.set(g, text.add(p.key()));
            name.set(g, text.add(p.name()));
            generic.set(g, p.generic() ? 1 : 0);
            int end = start.get(g);
            end = append(end, p.addresses());
            split.set(g, end);
            start.set(g + 1, append(end, p.names()));
        }

        private int append(int end, List<String> strings) {
            lists.ensure((long) end + strings.size());
            for (String s : strings) lists.set(end++, text.add(s));
            return end;
        }

        Person get(int g) {
            return new Person(key(g), text.get(name.get(g)), strings(start.get(g), split.get(g)),
                    strings(split.get(g), start.get(g + 1)), generic.get(g) == 1);
        }

        private List<String> strings(int from, int to) {
            List<String> out = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) out.add(text.get(lists.get(k)));
            return compact(out);
        }

        String key(int g) {
            return text.get(key.get(g));
        }

        int compareKeys(int a, int b) {
            return text.compare(key.get(a), key.get(b));
        }

        void rekey(int g, String k) {
            key.set(g, text.add(k));
        }
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

    private int find(int i) {
        while (up.get(i) != i) {
            up.set(i, up.get(up.get(i)));
            i = up.get(i);
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) up.set(Math.max(ra, rb), Math.min(ra, rb));
    }
}
