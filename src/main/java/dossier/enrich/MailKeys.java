package dossier.enrich;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What threading needs of each email, in a few primitive arrays: id, date, the Message-ID and the References chain
 * (In-Reply-To last) as {@link Fingerprint}s, the {@link Subjects#key subject key} as a fingerprint, and whether the
 * subject says it is a reply, the key is {@link Subjects#specific specific} and the email has no In-Reply-To or
 * References. That is 37 bytes an email and 8 a reference, where the strings took several hundred, so millions of
 * emails thread in a small heap. Emails are numbered 0, 1, ... in the order they were added.
 *
 * <pre>{@code
 * MailKeys.Builder b = new MailKeys.Builder();
 * b.add(new Threader.Email(1, "a@x", "", List.of(), "Budget", date, null));
 * b.add(new Threader.Email(2, "b@x", "a@x", List.of("a@x"), "Re: Budget", date + 60_000, null));
 * long[] threads = Threader.defaults().threads(b.build(), i -> new int[0]);  // {1, 1}
 * }</pre>
 *
 * Immutable once built, so thread-safe; a {@link Builder} is not.
 */
public final class MailKeys {
    /** No date known. */
    public static final long NO_DATE = Long.MIN_VALUE;

    private static final byte REPLY = 1, SPECIFIC = 2, HEADERLESS = 4;

    private final int size;
    private final long[] ids, dates, messageIds, subjects;
    private final byte[] flags;
    /** The chain of email i is {@code refs[refStart[i]]} to {@code refs[refStart[i + 1] - 1]}. */
    private final int[] refStart;
    private final long[] refs;

    private MailKeys(Builder b) {
        size = b.size;
        ids = trim(b.ids, size);
        dates = trim(b.dates, size);
        messageIds = trim(b.messageIds, size);
        subjects = trim(b.subjects, size);
        flags = b.flags.length == size ? b.flags : Arrays.copyOf(b.flags, size);
        refStart = b.refStart.length == size + 1 ? b.refStart : Arrays.copyOf(b.refStart, size + 1);
        refs = trim(b.refs, b.refStart[size]);
    }

    private static long[] trim(long[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    /** How many emails. */
    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    /** The date in epoch milliseconds, or {@link #NO_DATE}. */
    public long date(int i) {
        return dates[i];
    }

    /** The emails' numbers in id order, equal ids in the order added. */
    public int[] byId() {
        return IndexSort.stable(ids, IndexSort.identity(size));
    }

    /** The emails' numbers in date order, then id order; emails without a date are left out. */
    int[] byDate(int[] byId) {
        int dated = 0;
        for (int i : byId) if (dates[i] != NO_DATE) dated++;
        int[] out = new int[dated];
        int k = 0;
        for (int i : byId) if (dates[i] != NO_DATE) out[k++] = i;
        return IndexSort.stable(dates, out);
    }

    /** The Message-ID's fingerprint, 0 when there is none. */
    long messageId(int i) {
        return messageIds[i];
    }

    /** Where email i's References chain starts in {@link #refs()}. */
    int refStart(int i) {
        return refStart[i];
    }

    /** Where email i's References chain ends (exclusive) in {@link #refs()}. */
    int refEnd(int i) {
        return refStart[i + 1];
    }

    /** Every email's References chain, one after the other: non-zero fingerprints, never the email's own id. */
    long[] refs() {
        return refs;
    }

    /** The subject key's fingerprint, 0 when the subject has no key (then it never groups emails). */
    long subject(int i) {
        return subjects[i];
    }

    /** The subject says the email answers or forwards another ("Re:", "Fw:"). */
    boolean reply(int i) {
        return (flags[i] & REPLY) != 0;
    }

    /** The subject key is {@link Subjects#specific specific}. */
    boolean specific(int i) {
        return (flags[i] & SPECIFIC) != 0;
    }

    /** Neither In-Reply-To nor References name anything. */
    boolean headerless(int i) {
        return (flags[i] & HEADERLESS) != 0;
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
        private long[] ids, dates, messageIds, subjects, refs;
        private byte[] flags;
        private int[] refStart;

        public Builder() {
            this(64, 64);
        }

        /** A builder with room for {@code emails} emails and {@code refs} references before it grows. */
        public Builder(int emails, int refs) {
            emails = Math.max(emails, 1);
            ids = new long[emails];
            dates = new long[emails];
            messageIds = new long[emails];
            subjects = new long[emails];
            flags = new byte[emails];
            refStart = new int[emails + 1];
            this.refs = new long[Math.max(refs, 1)];
        }

        /** Adds one email; its participants are not kept (threading asks for them when it needs them). */
        public Builder add(Threader.Email e) {
            grow(1);
            refStart[size + 1] = refStart[size];
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
            ids[size] = e.id();
            dates[size] = e.date();
            messageIds[size] = own;
            subjects[size] = s.key();
            flags[size] = (byte) (s.flags() | (headerless ? HEADERLESS : 0));
            size++;
            return this;
        }

        public MailKeys build() {
            return new MailKeys(this);
        }

        private void ref(long fingerprint, long own) {
            if (fingerprint == 0 || fingerprint == own) return; // a blank id or a self-reference says nothing
            int end = refStart[size + 1];
            if (end == refs.length) refs = Arrays.copyOf(refs, end + end / 2 + 1);
            refs[end] = fingerprint;
            refStart[size + 1] = end + 1;
        }

        private void grow(int more) {
            if (size + more <= ids.length) return;
            int cap = Math.max(size + more, ids.length * 2);
            ids = Arrays.copyOf(ids, cap);
            dates = Arrays.copyOf(dates, cap);
            messageIds = Arrays.copyOf(messageIds, cap);
            subjects = Arrays.copyOf(subjects, cap);
            flags = Arrays.copyOf(flags, cap);
            refStart = Arrays.copyOf(refStart, cap + 1);
        }
    }
}
