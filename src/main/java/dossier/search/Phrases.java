package dossier.search;

import dossier.index.Schema;
import dossier.search.QueryLexer.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Quoted phrases ({@code "exact phrase"}, {@code "phrase"~5}), more exact than the same words unquoted in two ways.
 *
 * <p>Words are not stemmed: only the stemmed fields keep positions, so the phrase is found there, and each of its
 * words must also be in the item as written (in {@link Schema#EXACT}): {@code "jeff skilling"} no longer finds
 * "Jeff skills", which {@code jeff skilling} does.
 *
 * <p>Apostrophes may be there or not: the index splits {@code LET'S} into {@code let s}, one position each, so
 * {@code "lets do lunch"} is looked for as {@code lets} or {@code let s} followed by {@code do lunch}, and
 * {@code "let's do lunch"} as {@code let s} or {@code lets}. A word gets the second form when it has an apostrophe,
 * or ends in what English writes after one ({@link #CONTRACTED}): the extra form matches only text that has the
 * apostrophe, so it adds nothing else. The alternatives are Lucene intervals, which rank by how close the words are,
 * below a plain phrase match.
 *
 * <p>Thread-safe: analysers are, and nothing else changes.
 */
final class Phrases {
    /**
     * Words that may have lost the apostrophe of what English writes after one: {@code let's that's}, {@code don't
     * can't}, and after a short word (the pronouns) {@code I'd I'm we'll they're you've}.
     */
    private static final Pattern CONTRACTED = Pattern.compile("(\\p{L}+)(s)|(\\p{L}*n)(t)|(\\p{L}{1,4})(d|m|ll|re|ve)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
    /** Words of a long pasted quote beyond these are found by the phrase alone: the phrase is specific enough. */
    private static final int MOST_EXACT_WORDS = 64;

    private final Analyzer stemmed = Schema.textAnalyzer();
    private final Analyzer exact = Schema.exactAnalyzer();
    private final Analyzer words = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source);
        }
    };
    private final QueryBuilder stemmedBuilder = new QueryBuilder(stemmed);

    /** The phrase in a stemmed, positional field (subject or text); null if it has nothing searchable. */
    Query phrase(String field, Value v) {
        Query plain = stemmedBuilder.createPhraseQuery(field, v.text(), v.slop());
        if (plain == null || v.slop() > 0) return plain; // with slop, a split word costs one position of it
        List<List<String>> forms = forms(v.text());
        if (forms.stream().allMatch(f -> f.size() == 1)) return plain;
        List<IntervalsSource> sources = new ArrayList<>();
        for (List<String> f : forms) {
            List<IntervalsSource> alternatives = new ArrayList<>();
            for (String form : f) {
                List<String> terms = TextQueries.terms(stemmed, field, form);
                if (terms.isEmpty()) continue;
                alternatives.add(terms.size() == 1 ? Intervals.term(terms.get(0))
                        : Intervals.phrase(terms.toArray(String[]::new)));
            }
            if (alternatives.isEmpty()) continue;
            sources.add(alternatives.size() == 1 ? alternatives.get(0) : Intervals.or(alternatives.toArray(IntervalsSource[]::new)));
        }
        Query any = new IntervalQuery(field, sources.size() == 1 ? sources.get(0)
                : Intervals.phrase(sources.toArray(IntervalsSource[]::new)));
        return new BooleanQuery.Builder().add(any, Occur.MUST).add(plain, Occur.SHOULD).build();
    }

    /**
     * The phrase's words as written, each required in {@link Schema#EXACT} (in one of its forms); null if it has
     * none. It filters: the phrase query ranks.
     */
    Query exactWords(Value v) {
        Map<String, Query> required = new LinkedHashMap<>();
        for (List<String> f : forms(v.text())) {
            if (required.size() == MOST_EXACT_WORDS) break;
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            StringBuilder key = new StringBuilder();
            int n = 0;
            Query last = null;
            for (String form : f) {
                List<String> terms = TextQueries.terms(exact, Schema.EXACT, form);
                if (terms.isEmpty()) continue;
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (String t : terms) all.add(new TermQuery(new Term(Schema.EXACT, t)), Occur.FILTER);
                last = terms.size() == 1 ? new TermQuery(new Term(Schema.EXACT, terms.get(0))) : all.build();
                any.add(last, Occur.SHOULD);
                key.append(terms).append('|');
                n++;
            }
            if (n > 0) required.putIfAbsent(key.toString(), n == 1 ? last : any.build());
        }
        if (required.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : required.values()) b.add(q, Occur.FILTER);
        return b.build();
    }

    /** The query, its matches narrowed to those the filter also matches, which marks nothing; the filter may be null. */
    static Query filtered(Query q, Query filter) {
        if (q == null || filter == null) return q;
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(new Unmarked(filter), Occur.FILTER).build();
    }

    /** Each word of the text as written, with its other form when an apostrophe may have been dropped or added. */
    private List<List<String>> forms(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String w : TextQueries.terms(words, "", text)) {
            if (APOSTROPHES.matcher(w).find()) {
                out.add(List.of(w, APOSTROPHES.matcher(w).replaceAll("")));
                continue;
            }
            Matcher m = CONTRACTED.matcher(w);
            if (!m.matches()) {
                out.add(List.of(w));
                continue;
            }
            int g = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
            out.add(List.of(w, m.group(g) + "'" + m.group(g + 1)));
        }
        return out;
    }
}
