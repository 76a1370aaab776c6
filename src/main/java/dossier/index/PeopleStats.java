package dossier.index;

import dossier.enrich.Identities;
import dossier.enrich.IntArray;
import dossier.enrich.IntSort;
import dossier.enrich.LongArray;
import dossier.enrich.MailKeys;
import dossier.enrich.StringTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts, for every resolved person, the emails they took part in, sent and received, their first and last date,
 * their strongest correspondents, the domains they wrote to and their emails per month. Pairs are packed into
 * {@code long}s (person in the high half) and counted in {@link PairCounts}, off the heap, and people are handed out
 * one at a time, so the heap grows with the people and the distinct domains, not with the emails or the pairs.
 * Stateless.
 */
final class PeopleStats {
    private PeopleStats() {}

    /** How many correspondents and domains a person's page keeps. */
    static final int TOP = 25;

    /** The person index of every participant of a mail, with duplicates removed. */
    record Roles(int[] from, int[] recipients, int[] all) {}

    /**
     * A mail's participants as person indices.
     *
     * @param personOf the person of every (name, address) pair of {@code mails}, by its number; -1 for none
     */
    static Roles roles(Mails mails, int i, IntArray personOf) {
        int[] from = persons(mails, mails.fromStart(i), mails.fromEnd(i), personOf);
        int[] rec = persons(mails, mails.fromEnd(i), mails.recipientsEnd(i), personOf);
        int[] all = Arrays.copyOf(from, from.length + rec.length);
        System.arraycopy(rec, 0, all, from.length, rec.length);
        return new Roles(from, rec, Arrays.stream(all).sorted().distinct().toArray());
    }

    private static int[] persons(Mails mails, int start, int end, IntArray personOf) {
        int[] out = new int[end - start];
        int n = 0;
        for (int k = start; k < end; k++) {
            int p = personOf.get(mails.participant(k));
            if (p < 0) continue;
            boolean dup = false;
            for (int i = 0; i < n && !dup; i++) dup = out[i] == p;
            if (!dup) out[n++] = p;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The people with their counts, given to {@code out} one at a time in the directory's order (most emails first,
     * then by key), so that only one person's details are held at once.
     *
     * @param byId     the mails' numbers in id order: domains are numbered as first met, and ties between them go by number
     * @param personOf the person of every (name, address) pair, as for {@link #roles}
     */
    static void compute(Mails mails, IntArray byId, IntArray personOf, Identities.Resolution people,
                        Consumer<PeopleStore.Person> out) {
        int n = people.people().size();
        // Off the heap, as every array of a person's (or an email's) in this pass.
        LongArray emails = new LongArray(n), sent = new LongArray(n), received = new LongArray(n);
        LongArray first = new LongArray(n), last = new LongArray(n);
        first.fill(0, n, Long.MAX_VALUE);
        last.fill(0, n, Long.MIN_VALUE);
        PairCounts pairs = new PairCounts(), domainPairs = new PairCounts(), monthPairs = new PairCounts();
        // Domains by number, off the heap as the addresses are: domains.get(domainOf[a]) is address a's. Each gets an
        // index, in domainNames, when first written to.
        StringTable domains = new StringTable();
        IntArray domainOf = new IntArray(mails.addresses());
        for (int a = 0; a < mails.addresses(); a++) domainOf.set(a, domains.add(mails.address(a).domain()));
        int empty = domains.find("");
        IntArray domainIndex = new IntArray(domains.size()), domainNames = new IntArray(0);
        domainIndex.fill(0, domains.size(), -1);
        int indexed = 0;
        Set<Long> seen = new HashSet<>();
        Set<String> sentTo = new HashSet<>();
        for (int at = 0; at < mails.size(); at++) {
            int i = byId.get(at);
            Roles r = roles(mails, i, personOf);
            long date = mails.date(i);
            int month = date == MailKeys.NO_DATE ? -1 : month(date);
            for (int p : r.all()) {
                emails.set(p, emails.get(p) + 1);
                if (date != MailKeys.NO_DATE) {
                    first.set(p, Math.min(first.get(p), date));
                    last.set(p, Math.max(last.get(p), date));
                    monthPairs.add(pack(p, month));
                }
            }
            for (int p : r.from()) sent.set(p, sent.get(p) + 1);
            for (int p : r.recipients()) received.set(p, received.get(p) + 1);
            // clear() walks the whole table, which one email to thousands leaves large for every email after it.
            if (seen.size() > 1024) seen = new HashSet<>();
            else seen.clear();
            for (int s : r.from()) {
                for (int q : r.recipients()) {
                    if (s == q) continue;
                    if (seen.add(pack(s, q))) pairs.add(pack(s, q));
                    if (seen.add(pack(q, s))) pairs.add(pack(q, s));
                }
                sentTo.clear(); // a set of strings, whose order numbers new domains, as it always has
                for (int k = mails.fromEnd(i); k < mails.recipientsEnd(i); k++) {
                    int d = domainOf.get(mails.participant(k));
                    if (d != empty) sentTo.add(domains.get(d));
                }
                for (String name : sentTo) {
                    int d = domains.find(name);
                    if (domainIndex.get(d) < 0) {
                        domainNames.ensure(indexed + 1L);
                        domainNames.set(indexed, d);
                        domainIndex.set(d, indexed++);
                    }
                    domainPairs.add(pack(s, domainIndex.get(d)));
                }
            }
        }
        Runs correspondents = new Runs(pairs, n), domainRuns = new Runs(domainPairs, n), months = new Runs(monthPairs, n);
        // The directory's own order: most emails first, then by key (keys are unique), whatever order identities came in.
        IntArray order = new IntArray(n);
        for (int p = 0; p < n; p++) order.set(p, p);
        IntSort.sort(order, n, (p, q) -> emails.get(p) != emails.get(q) ? Long.compare(emails.get(q), emails.get(p))
                : people.compareKeys(p, q));
        for (int at = 0; at < n; at++) {
            int p = order.get(at);
            Identities.Person person = people.people().get(p);
            List<PeopleStore.Correspondent> cs = new ArrayList<>();
            for (long[] qc : correspondents.top(p, TOP)) {
                Identities.Person q = people.people().get((int) qc[0]);
                cs.add(new PeopleStore.Correspondent(q.key(), q.name(), qc[1]));
            }
            List<PeopleStore.DomainCount> ds = new ArrayList<>();
            for (long[] dc : domainRuns.top(p, TOP)) ds.add(new PeopleStore.DomainCount(domains.get(domainNames.get((int) dc[0])), dc[1]));
            Map<String, Long> ms = new LinkedHashMap<>();
            for (long[] mc : months.all(p)) ms.put(monthName((int) mc[0]), mc[1]);
            final int index = p; // names also seen without an address, which only their words can find
            List<String> nameOnly = person.names().stream().filter(x -> people.personOf(x, "") == index).toList();
            PeopleStore.Summary s = new PeopleStore.Summary(person.key(), person.name(), person.addresses(), person.names(),
                    nameOnly, person.generic(), emails.get(p), sent.get(p), received.get(p), iso(first.get(p)),
                    iso(last.get(p)), 0, 0);
            out.accept(new PeopleStore.Person(s, new PeopleStore.Details(person.key(), cs, ds, ms)));
        }
    }

    private static long pack(int hi, int lo) {
        return PairCounts.pack(hi, lo);
    }

    private static int month(long epochMs) {
        var d = Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    private static String monthName(int m) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1);
    }

    private static String iso(long ms) {
        return ms == Long.MAX_VALUE || ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms).toString();
    }

    /** Counted pairs read as (person → value, count) runs, for any person in any order. */
    private static final class Runs {
        final PairCounts c;
        /** Person p's pairs are c.pair(start[p]) to c.pair(start[p + 1] - 1). */
        final IntArray start;

        Runs(PairCounts counts, int persons) {
            c = counts;
            c.finish();
            start = new IntArray(persons + 1L);
            int k = 0;
            for (int p = 0; p <= persons; p++) {
                while (k < c.size() && (int) (c.pair(k) >>> 32) < p) k++;
                start.set(p, k);
            }
        }

        /** (value, count) for one person, in value order. */
        List<long[]> all(int person) {
            List<long[]> out = new ArrayList<>();
            for (int k = start.get(person), end = start.get(person + 1); k < end; k++) out.add(new long[] {(int) c.pair(k), c.count(k)});
            return out;
        }

        /** The k values with the highest counts, ties by value. */
        List<long[]> top(int person, int k) {
            List<long[]> all = all(person);
            all.sort((x, y) -> x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(x[0], y[0]));
            return all.size() > k ? all.subList(0, k) : all;
        }
    }
}
