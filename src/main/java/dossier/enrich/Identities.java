package dossier.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            String key = keys.nodeKey(name, address);
            Integer node = key == null ? null : keys.index.get(key);
            return node == null ? -1 : keys.nodes.get(node).person;
        }
    }

    /**
     * One address or one address-less name, as observed, with the names written with it in the order first seen. The
     * names are two arrays, not a map: there is a node for every distinct correspondent, and most have one name (a
     * map and its boxed counts cost some 200 bytes a node, a third of the pass's heap at 490,000 people).
     */
    private static final class Node {
        private static final int INDEXED_PAST = 8;

        final String key;
        final String address;
        long count;
        int up;
        /** The person this node belongs to, once resolved. */
        int person = -1;
        private String[] names = new String[1];
        private long[] nameCounts = new long[1];
        private int nameCount;
        /** Slots of the names, only for a node with many (a mailbox every spammer signs differently). */
        private Map<String, Integer> slots;

        Node(String key, String address, int index) {
            this.key = key;
            this.address = address;
            this.up = index;
        }

        void addName(String name, long n) {
            int slot = slot(name);
            if (slot >= 0) {
                nameCounts[slot] += n;
                return;
            }
            if (nameCount == names.length) {
                names = Arrays.copyOf(names, nameCount * 2);
                nameCounts = Arrays.copyOf(nameCounts, nameCount * 2);
            }
            names[nameCount] = name;
            nameCounts[nameCount] = n;
            if (slots != null) slots.put(name, nameCount);
            else if (nameCount + 1 > INDEXED_PAST) {
                slots = new HashMap<>();
                for (int i = 0; i <= nameCount; i++) slots.put(names[i], i);
            }
            nameCount++;
        }

        private int slot(String name) {
            if (slots != null) return slots.getOrDefault(name, -1);
            for (int i = 0; i < nameCount; i++) if (names[i].equals(name)) return i;
            return -1;
        }

        int nameCount() {
            return nameCount;
        }

        String name(int i) {
            return names[i];
        }

        long nameUses(int i) {
            return nameCounts[i];
        }
    }

    private final Map<String, Integer> index = new HashMap<>();
    /** Parsed names: the same few thousand names are read again and again. */
    private final Map<String, Optional<Names.Name>> parsed = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();

    /** Counts one occurrence of a participant. */
    public void observe(String name, String address) {
        observe(name, address, 1);
    }

    /** Counts occurrences of a participant; pairs with neither a name nor an address are ignored. */
    public void observe(String name, String address, long count) {
        String key = nodeKey(name, address);
        if (key == null) return;
        Integer i = index.get(key);
        if (i == null) {
            i = nodes.size();
            index.put(key, i);
            nodes.add(new Node(key, normAddress(address), i));
        }
        Node n = nodes.get(i);
        n.count += count;
        String clean = Names.clean(name);
        if (!clean.isEmpty()) n.addName(clean, count);
    }

    /** Resolves everything observed so far. */
    public Resolution resolve() {
        mergeAddresses();
        joinNames();
        Resolution r = build();
        parsed.clear(); // a name is parsed again if asked for; the cache would hold one entry per distinct name
        return r;
    }

    /** Rule 2: addresses whose local parts spell the same full name used with each of them. */
    private void mergeAddresses() {
        Map<String, Integer> firstWithName = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.address.isEmpty() || isGeneric(n.address)) continue;
            Set<String> keys = new HashSet<>();
            for (int k = 0; k < n.nameCount(); k++) {
                Names.Name name = parse(n.name(k));
                if (name != null && Names.localPartMatches(n.address, name)) keys.add(name.key());
            }
            for (String k : keys) {
                Integer other = firstWithName.putIfAbsent(k, i);
                if (other != null) union(other, i);
            }
        }
    }

    /** Rule 3: an address-less name joins the one person whose names match it. */
    private void joinNames() {
        Map<String, List<Known>> byLast = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.address.isEmpty() || isGeneric(n.address)) continue;
            for (Names.Name name : trustedNames(n)) {
                byLast.computeIfAbsent(name.last(), k -> new ArrayList<>())
                        .add(new Known(i, name, Names.localPartMatches(n.address, name)));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!n.address.isEmpty()) continue;
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
    private List<Names.Name> trustedNames(Node n) {
        List<Names.Name> spelled = new ArrayList<>();
        long named = 0;
        int top = -1;
        for (int k = 0; k < n.nameCount(); k++) {
            named += n.nameUses(k);
            if (top < 0 || n.nameUses(k) > n.nameUses(top)) top = k;
            Names.Name name = parse(n.name(k));
            if (name != null && Names.localPartMatches(n.address, name)) spelled.add(name);
        }
        if (!spelled.isEmpty()) return spelled;
        Names.Name dominant = top < 0 ? null : parse(n.name(top));
        return dominant != null && n.nameUses(top) * 3 >= named * 2 ? List.of(dominant) : List.of();
    }

    private Resolution build() {
        Map<Integer, List<Node>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) groups.computeIfAbsent(find(i), k -> new ArrayList<>()).add(nodes.get(i));
        record Built(Person person, long count, List<Node> members) {}
        List<Built> built = new ArrayList<>();
        for (List<Node> members : groups.values()) built.add(new Built(person(members), members.stream().mapToLong(m -> m.count).sum(), members));
        built.sort(Comparator.comparingLong((Built b) -> -b.count()).thenComparing(b -> b.person().key()));
        List<Person> people = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Built b : built) {
            Person p = b.person();
            String key = p.key();
            for (int k = 2; !keys.add(key); k++) key = p.key() + "-" + k;
            if (!key.equals(p.key())) p = new Person(key, p.name(), p.addresses(), p.names(), p.generic());
            for (Node m : b.members()) m.person = people.size();
            people.add(p);
        }
        return new Resolution(people, this);
    }

    private Person person(List<Node> members) {
        List<Node> addressed = members.stream().filter(m -> !m.address.isEmpty())
                .sorted(Comparator.comparingLong((Node m) -> -m.count).thenComparing(m -> m.address)).toList();
        List<String> addresses = addressed.stream().map(m -> m.address).toList();
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
        List<String> nameList = names.entrySet().stream().sorted(byCount).map(Map.Entry::getKey).toList();
        String display = (spelled.isEmpty() ? names : spelled).entrySet().stream().sorted(byCount)
                .map(Map.Entry::getKey).findFirst().orElse(addresses.isEmpty() ? "" : addresses.get(0));
        boolean generic = !addresses.isEmpty() && addresses.stream().allMatch(Identities::isGeneric);
        String key = addresses.isEmpty() ? slug(display.isEmpty() ? members.get(0).key : display) : addresses.get(0);
        return new Person(key, display, addresses, nameList, generic);
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
        return parsed.computeIfAbsent(raw == null ? "" : raw, r -> Optional.ofNullable(Names.parse(r))).orElse(null);
    }

    private String nodeKey(String name, String address) {
        String a = normAddress(address);
        if (!a.isEmpty()) return "a:" + a;
        Names.Name n = parse(name);
        if (n != null) return "n:" + n.first() + " " + n.middle() + " " + n.last();
        String clean = Names.fold(Names.clean(name)).replaceAll("\\s+", " ");
        return clean.isEmpty() ? null : "r:" + clean;
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
