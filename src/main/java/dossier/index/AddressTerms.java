package dossier.index;

import dossier.model.Address;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keyword terms under which a participant is found by {@code from: to: cc: bcc: participant:}: the whole
 * address, its local part and the words in it, its domain and parent domains, and the words of the display name.
 * Queries use {@link #queryTerms(String)} so that both sides split the same way.
 *
 * <p>{@code "Skilling, Jeff" <jeff.skilling@enron.com>} gives {@code jeff.skilling@enron.com jeff.skilling jeff
 * skilling enron.com enron com}. Thread-safe (stateless).
 */
public final class AddressTerms {
    /** Compiled once: splitting is done for every address of every email. */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private AddressTerms() {}

    /**
     * Terms per address, kept: a dump's mail comes from and goes to the same few thousand people, and splitting and
     * folding every address of every email was a twentieth of the ingest. Bounded by clearing it when full, at a size
     * that follows the heap ({@link #keptAtMost}); an entry, a {@code List.of} of the terms, takes some 600 bytes. (A
     * {@code LinkedHashSet} each and 100,000 entries were about 90 MB: a dump with a new address in every email ran
     * out of a 150 MB heap while indexing.)
     */
    private static final Map<Address, List<String>> KEPT = new ConcurrentHashMap<>();
    private static final int KEEP_AT_MOST = keptAtMost(Runtime.getRuntime().maxMemory());

    /** How many addresses' terms are kept in a heap of this size: one per 64 KB, at least 1,024, at most 65,536. */
    static int keptAtMost(long maxHeapBytes) {
        return (int) Math.max(1 << 10, Math.min(1 << 16, maxHeapBytes >> 16));
    }

    /** Terms for indexing one address, each once (unmodifiable). */
    public static List<String> of(Address a) {
        List<String> terms = KEPT.get(a);
        if (terms != null) return terms;
        terms = List.copyOf(split(a));
        if (KEPT.size() >= KEEP_AT_MOST) KEPT.clear();
        KEPT.put(a, terms);
        return terms;
    }

    /** Drops the kept terms: indexing is over, and the connections pass after it wants the heap. */
    static void forget() {
        KEPT.clear();
    }

    /** The field of one role (from, to, cc, bcc) holding the terms of its addresses: one field, not one per term. */
    static Field field(String name, List<Address> addresses) {
        List<String> terms = new ArrayList<>();
        for (Address a : addresses) terms.addAll(of(a));
        // Indexed as StringField indexes each term: documents only, no norms.
        return new Field(name, new TermsStream(terms), Schema.DOCS_ONLY);
    }

    /** The given terms, one token each. */
    private static final class TermsStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> terms;
        private int next;

        TermsStream(List<String> terms) {
            this.terms = terms;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next == terms.size()) return false;
            clearAttributes();
            term.setEmpty().append(terms.get(next++));
            return true;
        }
    }

    private static Set<String> split(Address a) {
        Set<String> terms = new LinkedHashSet<>();
        String addr = Schema.keyword(a.address());
        if (!addr.isEmpty()) {
            terms.add(addr);
            int at = addr.lastIndexOf('@');
            String local = at < 0 ? addr : addr.substring(0, at);
            if (!local.isEmpty()) terms.add(local);
            terms.addAll(words(local));
            if (at >= 0) {
                String domain = addr.substring(at + 1);
                terms.addAll(domains(domain));
                terms.addAll(words(domain));
            }
        }
        terms.addAll(words(Schema.keyword(a.name())));
        terms.remove("");
        if (terms.stream().anyMatch(t -> !t.equals(Schema.term(t)))) {
            Set<String> bounded = new LinkedHashSet<>();
            for (String t : terms) bounded.add(Schema.term(t));
            return bounded;
        }
        return terms;
    }

    /** A domain and each parent with at least two labels: mail.rand.org gives mail.rand.org, rand.org. */
    public static List<String> domains(String domain) {
        String d = Schema.keyword(domain);
        List<String> out = new java.util.ArrayList<>();
        while (d.indexOf('.') > 0) {
            out.add(d);
            d = d.substring(d.indexOf('.') + 1);
        }
        if (out.isEmpty() && !d.isEmpty()) out.add(d);
        return out;
    }

    /**
     * The terms a query value must all match: an address or single word is one term; a name with spaces is its
     * words.
     */
    public static List<String> queryTerms(String value) {
        String v = Schema.keyword(value);
        if (v.isEmpty()) return List.of();
        if (!v.contains(" ") && !v.contains(",")) return List.of(Schema.term(v));
        return words(v).stream().map(Schema::term).toList();
    }

    private static List<String> words(String s) {
        List<String> out = new java.util.ArrayList<>();
        for (String w : NOT_WORD.split(s)) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
