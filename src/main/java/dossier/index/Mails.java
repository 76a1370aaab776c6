package dossier.index;

import dossier.enrich.IntArray;
import dossier.enrich.LongArray;
import dossier.enrich.LongIntMap;
import dossier.enrich.MailKeys;
import dossier.enrich.StringTable;
import dossier.enrich.Threader;
import dossier.model.Address;
import java.util.List;

/**
 * Every email of an archive as the connections pass holds it: its threading keys ({@link MailKeys}), the thread it
 * has now, and its participants as numbers into a table of the distinct (name, address) pairs, From first, then To,
 * Cc and Bcc as the headers list them. Besides the keys that is 16 bytes an email and 4 a participant, and each
 * distinct pair once, as two numbers into a {@link StringTable} of names and addresses: all off the heap, so the
 * pass's heap grows with neither the archive's emails nor its distinct addresses. Emails are numbered 0, 1, ... in the
 * order added, as in their keys.
 *
 * <pre>{@code
 * Mails.Builder b = new Mails.Builder();
 * b.add(mail);                                 // a PeopleScan.Mail
 * Mails mails = b.build();
 * mails.address(mails.participant(mails.fromStart(0)));  // its first sender
 * }</pre>
 *
 * Immutable once built, so thread-safe; a {@link Builder} is not.
 */
final class Mails {
    private final MailKeys keys;
    private final LongArray threads;
    /** Email i's From are participants[start[i]] to participants[split[i] - 1], its recipients from there to start[i + 1] - 1. */
    private final IntArray start, split;
    private final IntArray participants;
    /** Pair a is name {@code names[a]} and address {@code addresses[a]} of {@link #strings}. */
    private final IntArray names, addresses;
    private final StringTable strings;
    private final int pairs;

    private Mails(MailKeys keys, LongArray threads, IntArray start, IntArray split, IntArray participants, Builder b) {
        this.keys = keys;
        this.threads = threads;
        this.start = start;
        this.split = split;
        this.participants = participants;
        this.names = b.names;
        this.addresses = b.addresses;
        this.strings = b.strings;
        this.pairs = b.pairs;
    }

    int size() {
        return keys.size();
    }

    /** Id, date and what threading reads. */
    MailKeys keys() {
        return keys;
    }

    long id(int i) {
        return keys.id(i);
    }

    /** Epoch milliseconds, or {@link MailKeys#NO_DATE}. */
    long date(int i) {
        return keys.date(i);
    }

    /** The thread id the index holds now. */
    long thread(int i) {
        return threads.get(i);
    }

    /** Where email i's From starts in the participant numbers. */
    int fromStart(int i) {
        return start.get(i);
    }

    /** Where email i's From ends and its To, Cc and Bcc start. */
    int fromEnd(int i) {
        return split.get(i);
    }

    /** Where email i's To, Cc and Bcc end. */
    int recipientsEnd(int i) {
        return start.get(i + 1);
    }

    /** The number of the k-th participant overall, an index into the {@link #address} table. */
    int participant(int k) {
        return participants.get(k);
    }

    /** How many distinct (name, address) pairs. */
    int addresses() {
        return pairs;
    }

    /** Pair {@code a}, made anew on each call. */
    Address address(int a) {
        return new Address(strings.get(names.get(a)), strings.get(addresses.get(a)));
    }

    /** Collects emails one by one. Not thread-safe. */
    static final class Builder {
        private final MailKeys.Builder keys;
        private final StringTable strings = new StringTable();
        /** The number of each pair by its name and address, {@link #pack packed}. */
        private final LongIntMap numbers = new LongIntMap();
        private final IntArray names = new IntArray(0), addresses = new IntArray(0);
        private int pairs;
        private int size;
        private final LongArray threads;
        private final IntArray start, split, participants;

        Builder() {
            this(64);
        }

        /** A builder with room for {@code emails} emails before it grows. */
        Builder(int emails) {
            keys = new MailKeys.Builder(emails, emails);
            threads = new LongArray(emails);
            start = new IntArray(emails + 1L);
            split = new IntArray(emails);
            participants = new IntArray(2L * emails);
        }

        void add(PeopleScan.Mail m) {
            threads.ensure(size + 1L);
            start.ensure(size + 2L);
            split.ensure(size + 1L);
            keys.add(new Threader.Email(m.id(), m.messageId(), m.inReplyTo(), m.references(), m.subject(), m.date(), null));
            threads.set(size, m.thread());
            int end = start.get(size);
            for (Address a : m.from()) end = participant(end, a);
            split.set(size, end);
            for (List<Address> role : List.of(m.to(), m.cc(), m.bcc())) for (Address a : role) end = participant(end, a);
            start.set(++size, end);
        }

        Mails build() {
            return new Mails(keys.build(), threads, start, split, participants, this);
        }

        private int participant(int end, Address a) {
            participants.ensure(end + 1L);
            participants.set(end, number(a));
            return end + 1;
        }

        private int number(Address a) {
            int name = strings.add(a.name()), address = strings.add(a.address());
            long key = pack(name, address);
            int n = numbers.get(key);
            if (n >= 0) return n;
            names.ensure(pairs + 1L);
            addresses.ensure(pairs + 1L);
            names.set(pairs, name);
            addresses.set(pairs, address);
            numbers.put(key, pairs);
            return pairs++;
        }

        /** Two string ids in one non-zero key: ids are under 2^31, so adding 1 carries into nothing. */
        private static long pack(int name, int address) {
            return ((long) name << 32 | address) + 1;
        }
    }
}
