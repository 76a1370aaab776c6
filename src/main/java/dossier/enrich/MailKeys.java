package dossier.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What threading needs of each email, in a few primitive arrays: id, date, the Message-ID and the References chain
 * (In-Reply-To last) as {@link Fingerprint}s, the {@link Subjects#key subject key} as a fingerprint, and whether the
 * subject says it is a reply, the key is {@link Subjects#specific specific} and the email has no In-Reply-To or
 * References. That is 40 bytes an email and 8 a reference, where the strings took several hundred, and all of it is
 * off the heap ({@link LongArray}), so the heap that threads an archive stays the same whatever its size. Emails are
 * numbered 0, 1, ... in the order they were added.
 *
 * <pre>{@code
 * MailKeys.Builder b = new MailKeys.Builder();
 * b.add(new Threader.Email(1, "a@x", "", List.of(), "Budget", date, null));
 * b.add(new Threader.Email(2, "b@x", "a@x", List.of("a@x"), "Re: Budget", date + 60_000, null));
 * LongArray threads = Threader.defaults().threads(b.build(), i -> new int[0]);  // {1, 1}
 * }</pre>
 *
 * Immutable once built, so thread-safe; a {@link Builder} is not.
 */
public final class MailKeys {
    /** No date known. */
    public static final long NO_DATE = Long.MIN_VALUE;

    private static final byte REPLY = 1, SPECIFIC = 2, HEADERLESS = 4;

    private final int size;
    private final LongArray ids, dates, messageIds, subjects;
    private final IntArray flags;
    /** The chain of email i is {@code refs[refStart[i]]} to {@code refs[refStart[i + 1] - 1]}. */
    private final IntArray refStart;
    private final LongArray refs;

    private MailKeys(Builder b) {
        size = b.size;
        ids = b.ids;
        dates = b.dates;
        messageIds = b.messageIds;
        subjects = b.subjects;
        flags = b.flags;
        refStart = b.refStart;
        refs = b.refs;
    }

    /** How many emails. */
    public int size() {
        return size;
    }

    public long id(int i) {
        return ids.get(i);
    }

    /** The date in epoch milliseconds, or {@link #NO_DATE}. */
    public long date(int i) {
        return dates.get(i);
    }

    /** The emails' numbers in id order, equal ids in the order added. */
    public IntArray byId() {
        return IndexSort.stable(ids, IndexSort.identity(size));
    }

    /** The emails' numbers in date order, then id order; emails without a date are left out. */
    IntArray byDate(IntArray byId) {
        int dated = 0;
        for (int k = 0; k < size; k++) if (dates.get(byId.get(k)) != NO_DATE) dated++;
        IntArray out = new IntArray(dated);
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = byId.get(k);
            if (dates.get(i) != NO_DATE) out.set(n++, i);
        }
        return IndexSort.stable(dates, out);
    }

    /** The Message-ID's fingerprint, 0 when there is none. */
    long messageId(int i) {
        return messageIds.get(i);
    }

    /** Where email i's References chain starts in {@link #refs()}. */
    int refStart(int i) {
        return refStart.get(i);
    }

    /** Where email i's References chain ends (exclusive) in {@link #refs()}. */
    int refEnd(int i) {
        return refStart.get(i + 1);
    }

    /** Every email's References chain, one after the other: non-zero fingerprints, never the email's own id. */
    LongArray refs() {
        return refs;
    }

    /** The subject key's fingerprint, 0 when the subject has no key (then it never groups emails). */
    long subject(int i) {
        return subjects.get(i);
    }

    /** The subject says the email answers or forwards another ("Re:", "Fw:"). */
    boolean reply(int i) {
        return (flags.get(i) & REPLY) != 0;
    }

    /** The subject key is {@link Subjects#specific specific}. */
    boolean specific(int i) {
        return (flags.get(i) & SPECIFIC) != 0;
    }

    /** Neither In-Reply-To nor References name anything. */
    boolean headerless(int i) {
        return (flags.get(i) & HEADERLESS) != 0;
    }

    /** Collects emails one by one. Not thread-safe. */
    public static final class Builder {
        /**
         * Subjects repeat within a conversation, and a conversation's emails come close together: a bounded cache of
         * subject readings keeps most of the gain without holding every distinct subject of the archive. Only
         * ordinary subjects are kept, so that a dump of megabyte-long subjects cannot fill the heap through it.
         */
        private static final int CACHE = 10_000, CACHED_LENGTH = 500;

        private record Subject(long key, byte flags) {}

        private final Map<String, Subject> cache = new HashMap<>();
        private int size;
        private final LongArray ids, dates, messageIds, subjects, refs;
        private final IntArray flags, refStart;

        public Builder() {
            this(64, 64);
        }

        /** A builder with room for {@code emails} emails and {@code refs} references before it grows. */
        public Builder(int emails, int refs) {
            ids = new LongArray(emails);
            dates = new LongArray(emails);
            messageIds = new LongArray(emails);
            subjects = new LongArray(emails);
            flags = new IntArray(emails);
            refStart = new IntArray(emails + 1L);
            this.refs = new LongArray(refs);
        }

        /** Adds one email; its participants are not kept (threading asks for them when it needs them). */
        public Builder add(Threader.Email e) {
            grow(size + 1);
            refStart.set(size + 1, refStart.get(size));
            long own = Fingerprint.messageId(e.messageId());
            // References with In-Reply-To last, as JWZ reads them, unless it already ends them.
            String irt = e.inReplyTo();
            List<String> references = e.references();
            boolean last = !irt.isBlank() && (references.isEmpty() || !irt.equals(references.get(references.size() - 1)));
            boolean skipped = false, headerless = irt.isBlank();
            for (String r : references) {
                headerless &= r == null || r.isBlank();
                if (last && !skipped && irt.equals(r)) skipped = true;
                else ref(Fingerprint.messageId(r), own);
            }
            if (last) ref(Fingerprint.messageId(irt), own);
            Subject s = cache.get(e.subject());
            if (s == null) {
                Subjects.Stripped st = Subjects.strip(e.subject());
                byte f = (byte) ((st.reply() ? REPLY : 0) | (Subjects.specific(st.key()) ? SPECIFIC : 0));
                s = new Subject(Fingerprint.of(st.key()), f);
                if (cache.size() >= CACHE) cache.clear();
                if (e.subject().length() <= CACHED_LENGTH) cache.put(e.subject(), s);
            }
            ids.set(size, e.id());
            dates.set(size, e.date());
            messageIds.set(size, own);
            subjects.set(size, s.key());
            flags.set(size, s.flags() | (headerless ? HEADERLESS : 0));
            size++;
            return this;
        }

        public MailKeys build() {
            return new MailKeys(this);
        }

        private void ref(long fingerprint, long own) {
            if (fingerprint == 0 || fingerprint == own) return; // a blank id or a self-reference says nothing
            int end = refStart.get(size + 1);
            refs.ensure(end + 1L);
            refs.set(end, fingerprint);
            refStart.set(size + 1, end + 1);
        }

        /** Room for {@code emails} emails: the arrays map more as they need it, and copy nothing past a chunk. */
        private void grow(int emails) {
            ids.ensure(emails);
            dates.ensure(emails);
            messageIds.ensure(emails);
            subjects.ensure(emails);
            flags.ensure(emails);
            refStart.ensure(emails + 1L);
        }
    }
}
