package dossier.people;

import dossier.enrich.Names;
import dossier.index.Archive;
import dossier.index.PeopleStore;
import dossier.index.Schema;
import dossier.search.Hit;
import dossier.search.Searcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.search.Query;

/**
 * People, connections, organisations and threads of an archive, as records that pages, the API and the command line
 * print: the data behind {@code /people}, {@code /people/{key}}, {@code /connections?a=&b=} and
 * {@code /threads/{id}}. The directory file ({@link PeopleStore}) is loaded on first use; a person's details are one
 * read; emails are Lucene queries on the searcher's index. Unknown people, empty connections and unknown threads give
 * empty results, never exceptions.
 *
 * <pre>{@code
 * Directory people = Directory.open(searcher);
 * people.people("skill", Directory.Order.VOLUME, 0, 50);
 * people.connection("jeff.skilling@enron.com", "kenneth.lay@enron.com", 0, 50);
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every request.
 */
public final class Directory {
    /** What separates the words of an unquoted people filter. */
    private static final Pattern WORDS = Pattern.compile("[\\s,;]+");

    /** Orders of the people list. */
    public enum Order {
        /** Most emails first, then by name. */
        VOLUME,
        /** By display name, case and accents ignored. */
        NAME;

        /** Reads "volume" or "name"; null when unknown. */
        public static Order parse(String s) {
            if (s == null || s.isBlank()) return VOLUME;
            for (Order o : values()) if (o.name().equalsIgnoreCase(s.strip())) return o;
            return null;
        }
    }

    private final Archive archive;
    private final Emails emails;
    private final Threads threads;
    private volatile Loaded loaded;

    private Directory(Searcher searcher) {
        this.archive = searcher.archive();
        this.emails = new Emails(searcher.lucene());
        this.threads = new Threads(searcher.lucene());
    }

    /** A directory over the searcher's archive; reads nothing until first asked. */
    public static Directory open(Searcher searcher) {
        return new Directory(searcher);
    }

    /** Reads the directory file now rather than on first use, so a server can do it before its first visitor. */
    public void load() {
        loaded();
    }

    /**
     * The people whose name, other names or addresses contain every word of the filter, in any order
     * (case-insensitive; blank: everyone): {@code skilling jeff} and {@code Skilling, Jeff} find Jeff Skilling. A
     * filter in double quotes is the text inside them, as written, and a name written "Last, First" is also looked
     * for as names are shown, "First Last": {@code "Skilling, Jeff"} finds Jeff Skilling.
     */
    public Listing<PersonSummary> people(String filter, Order order, int offset, int limit) {
        Loaded l = loaded();
        String f = filter == null ? "" : filter.strip();
        boolean quoted = f.length() > 1 && f.startsWith("\"") && f.endsWith("\"");
        if (quoted) f = f.substring(1, f.length() - 1).strip();
        String shown = Names.fold(Names.display(f));
        f = Names.fold(f);
        if (shown.isEmpty() || shown.equals(f)) shown = null;
        List<String> words = quoted ? List.of() : Arrays.stream(WORDS.split(f)).filter(w -> !w.isEmpty()).toList();
        int[] sequence = order == Order.NAME ? l.byName() : l.byVolume;
        List<PersonSummary> page = new ArrayList<>();
        long total = 0;
        for (int i : sequence) {
            String h = l.haystack[i];
            boolean match = f.isEmpty() || h.contains(f) || (shown != null && h.contains(shown))
                    || (words.size() > 1 && words.stream().allMatch(h::contains));
            if (!match) continue;
            if (total >= offset && page.size() < limit) page.add(PersonSummary.of(l.people.get(i)));
            total++;
        }
        return new Listing<>(total, offset, page);
    }

    /** The person with this key, or any of their addresses, or a name only they were written as. */
    public Optional<PersonSummary> find(String keyAddressOrName) {
        return summary(keyAddressOrName).map(PersonSummary::of);
    }

    /** A person's page with a page of their emails, newest first; empty for an unknown person. */
    public Optional<PersonPage> person(String key, int offset, int limit) {
        Optional<PeopleStore.Summary> found = summary(key);
        if (found.isEmpty()) return Optional.empty();
        PeopleStore.Summary s = found.get();
        PeopleStore.Details d = details(s);
        Listing<Hit> list = emails.list(Emails.participant(s), offset, limit, true);
        return Optional.of(new PersonPage(PersonSummary.of(s), s.names(), d.correspondents(), d.domains(), d.months(), list));
    }

    /**
     * A search query, in the query language of DESIGN 5, that finds the same emails as the person's page (every address,
     * and the names seen without an address); empty for an unknown person.
     */
    public Optional<String> query(String key) {
        return summary(key).map(Emails::personQuery).filter(q -> !q.isEmpty());
    }

    /** The SVG of a person's strongest correspondents; empty for an unknown person. */
    public Optional<String> graph(String key) {
        return summary(key).map(s -> Graph.svg(PersonSummary.of(s), details(s).correspondents()));
    }

    /**
     * Every email in which a and b take part, oldest first. {@code b} is a person (key, address or name) or, when no
     * person matches and it looks like one, a domain such as {@code rand.org}.
     */
    public Connection connection(String a, String b, int offset, int limit) {
        Optional<PeopleStore.Summary> pa = summary(a), pb = summary(b);
        String domain = pb.isEmpty() ? domainOf(b) : null;
        if (pa.isEmpty() || (pb.isEmpty() && domain == null)) {
            return new Connection(pa.map(PersonSummary::of).orElse(null), pb.map(PersonSummary::of).orElse(null), domain,
                    0, 0, 0, Map.of(), Listing.empty());
        }
        PeopleStore.Summary sa = pa.get();
        Query aAny = Emails.participant(sa);
        Query aFrom = Emails.person(sa, List.of(Schema.FROM));
        Query aTo = Emails.person(sa, Emails.RECIPIENT);
        Query bAny, bFrom, bTo;
        if (domain != null) {
            bAny = Emails.domain(domain, List.of(Schema.DOMAIN));
            bFrom = Emails.domain(domain, List.of(Schema.FROM));
            bTo = Emails.domain(domain, Emails.RECIPIENT);
        } else {
            bAny = Emails.participant(pb.get());
            bFrom = Emails.person(pb.get(), List.of(Schema.FROM));
            bTo = Emails.person(pb.get(), Emails.RECIPIENT);
        }
        Query both = Emails.and(aAny, bAny);
        Listing<Hit> list = emails.list(both, offset, limit, false);
        if (list.total() == 0) {
            return new Connection(PersonSummary.of(sa), pb.map(PersonSummary::of).orElse(null), domain, 0, 0, 0, Map.of(), list);
        }
        return new Connection(PersonSummary.of(sa), pb.map(PersonSummary::of).orElse(null), domain, list.total(),
                emails.count(Emails.and(aFrom, bTo)), emails.count(Emails.and(bFrom, aTo)), emails.months(both), list);
    }

    /** A domain (and its subdomains) with its people by volume; zero emails and nobody for an unknown domain. */
    public Organisation organisation(String domain, int offset, int limit) {
        String d = Schema.keyword(domain);
        Loaded l = loaded();
        List<PersonSummary> page = new ArrayList<>();
        long total = 0;
        if (!d.isEmpty()) {
            for (int i : l.byVolume) {
                if (l.people.get(i).addresses().stream().noneMatch(x -> x.endsWith("@" + d) || x.endsWith("." + d))) continue;
                if (total >= offset && page.size() < limit) page.add(PersonSummary.of(l.people.get(i)));
                total++;
            }
        }
        Query q = Emails.domain(d, List.of(Schema.DOMAIN));
        long count = d.isEmpty() ? 0 : emails.count(q);
        return new Organisation(d, count, count == 0 ? Map.of() : emails.months(q), new Listing<>(total, offset, page));
    }

    /** The thread of an email (any email of it, or the thread id itself) as a tree; empty for an unknown id. */
    public Optional<ThreadView> thread(long id) {
        return threads.thread(id);
    }

    private Optional<PeopleStore.Summary> summary(String keyAddressOrName) {
        if (keyAddressOrName == null || keyAddressOrName.isBlank()) return Optional.empty();
        Loaded l = loaded();
        String k = keyAddressOrName.strip();
        Integer i = l.byKey.get(k);
        if (i == null) i = l.byKey.get(k.toLowerCase(Locale.ROOT));
        if (i == null) i = l.byName.get(Names.fold(Names.display(k)));
        return i == null || i < 0 ? Optional.empty() : Optional.of(l.people.get(i));
    }

    private PeopleStore.Details details(PeopleStore.Summary s) {
        PeopleStore.Details d = PeopleStore.readDetails(archive, s);
        // A directory loaded before a re-ingest could point at another person's line: show nothing rather than that.
        return d.key().equals(s.key()) ? d : new PeopleStore.Details(s.key(), List.of(), List.of(), Map.of());
    }

    private static String domainOf(String b) {
        String d = b == null ? "" : Schema.keyword(b);
        if (d.startsWith("@")) d = d.substring(1);
        return d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") ? d : null;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) loaded = new Loaded(PeopleStore.readDirectory(archive));
                l = loaded;
            }
        }
        return l;
    }

    /** The directory in memory: people in volume order, lookups by key, address and unambiguous name. */
    private static final class Loaded {
        final List<PeopleStore.Summary> people;
        final int[] byVolume;
        final String[] haystack;
        final Map<String, Integer> byKey = new HashMap<>();
        /** Folded names: the person with the most emails displayed under it, else the one with most written as it. */
        final Map<String, Integer> byName = new HashMap<>();
        private volatile int[] byName0;

        Loaded(List<PeopleStore.Summary> people) {
            this.people = people;
            byVolume = new int[people.size()];
            haystack = new String[people.size()];
            for (int i = 0; i < people.size(); i++) {
                PeopleStore.Summary s = people.get(i);
                byVolume[i] = i;
                byKey.put(s.key(), i);
                for (String a : s.addresses()) byKey.putIfAbsent(a, i);
                byName.putIfAbsent(Names.fold(s.name()), i);
                haystack[i] = Names.fold(s.name() + "\n" + String.join("\n", s.addresses()) + "\n" + String.join("\n", s.names()));
            }
            for (int i = 0; i < people.size(); i++) {
                for (String n : people.get(i).names()) byName.putIfAbsent(Names.fold(n), i);
            }
        }

        int[] byName() {
            int[] b = byName0;
            if (b == null) {
                Integer[] order = new Integer[people.size()];
                for (int i = 0; i < order.length; i++) order[i] = i;
                String[] keys = new String[people.size()];
                for (int i = 0; i < keys.length; i++) keys[i] = Names.fold(people.get(i).name());
                Arrays.sort(order, Comparator.comparing((Integer i) -> keys[i]).thenComparing(i -> people.get(i).key()));
                byName0 = b = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            }
            return b;
        }
    }
}
