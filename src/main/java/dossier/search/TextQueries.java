package dossier.search;

import dossier.index.Schema;
import dossier.search.QueryLexer.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Queries for words and phrases, analysed exactly as the indexer analyses the fields: free text looks in the
 * subject (weighted up), the text and the file name; wildcards and fuzzy words look in the unstemmed
 * {@link Schema#EXACT} field, since stems would miss them. Methods return null when the value has nothing
 * searchable in it (punctuation only). Thread-safe: analysers are, and nothing else changes.
 */
final class TextQueries {
    /** How much more a word in the subject counts than one in the text. */
    static final float SUBJECT_BOOST = 3f;

    private static final Pattern FUZZY = Pattern.compile("(.+?)~([0-9.]*)");

    private final Analyzer stemmed = Schema.textAnalyzer();
    private final Analyzer exact = Schema.exactAnalyzer();
    private final QueryBuilder stemmedBuilder = new QueryBuilder(stemmed);
    private final QueryBuilder exactBuilder = new QueryBuilder(exact);

    /** A free-text word or phrase. */
    Query free(Value v) throws QueryException {
        if (v.quoted()) return anyOf(subject(v), stemmedBuilder.createPhraseQuery(Schema.TEXT, v.text(), v.slop()));
        if (!v.escaped()) {
            if (v.text().equals("*")) return new MatchAllDocsQuery();
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) {
                int edits = edits(m.group(2), v);
                return anyOf(fuzzy(Schema.EXACT, m.group(1), edits), fuzzy(Schema.FILENAME, m.group(1), edits));
            }
            if (isWildcard(v.text())) return anyOf(wildcard(Schema.EXACT, v.text()), wildcard(Schema.FILENAME, v.text()));
        }
        return anyOf(subject(v), stemmedBuilder.createPhraseQuery(Schema.TEXT, v.text(), 0), filename(v));
    }

    /** {@code subject:}: a word or phrase in the subject, boosted as in free text. */
    Query subject(Value v) throws QueryException {
        Query q = null;
        if (!v.quoted() && !v.escaped()) {
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) q = fuzzy(Schema.SUBJECT, m.group(1), edits(m.group(2), v));
            else if (isWildcard(v.text())) q = wildcard(Schema.SUBJECT, v.text());
        }
        if (q == null) q = stemmedBuilder.createPhraseQuery(Schema.SUBJECT, v.text(), v.slop());
        return q == null ? null : new BoostQuery(q, SUBJECT_BOOST);
    }

    /**
     * {@code filename:}: every word of the value in the file name, or a wildcard or fuzzy name. Quoted words are
     * all required rather than a phrase, since the file name field need not keep positions.
     */
    Query filename(Value v) throws QueryException {
        if (!v.quoted() && !v.escaped()) {
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) return fuzzy(Schema.FILENAME, m.group(1), edits(m.group(2), v));
            if (isWildcard(v.text())) return wildcard(Schema.FILENAME, v.text());
        }
        return exactBuilder.createBooleanQuery(Schema.FILENAME, v.text(), Occur.MUST);
    }

    private static boolean isWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static int edits(String n, Value v) throws QueryException {
        if (n.isEmpty()) return FuzzyQuery.defaultMaxEdits;
        if (n.equals("0") || n.equals("1") || n.equals("2")) return Integer.parseInt(n);
        throw new QueryException("fuzzy ~" + n + " in " + v.text() + " must be ~0, ~1 or ~2 (edits allowed)",
                v.column());
    }

    private Query fuzzy(String field, String word, int edits) {
        return new FuzzyQuery(new Term(field, normalize(field, word)), edits);
    }

    /** A trailing * alone is a faster prefix query; anything else a wildcard query. */
    private Query wildcard(String field, String pattern) {
        String p = normalize(field, pattern);
        int star = p.indexOf('*');
        if (star == p.length() - 1 && p.indexOf('?') < 0) {
            return new PrefixQuery(new Term(field, p.substring(0, star)));
        }
        return new WildcardQuery(new Term(field, p));
    }

    /** Lower-cases and folds accents without stemming or splitting, as the analysers do for multi-term queries. */
    private String normalize(String field, String text) {
        Analyzer a = field.equals(Schema.SUBJECT) || field.equals(Schema.TEXT) ? stemmed : exact;
        return a.normalize(field, text).utf8ToString();
    }

    /** The queries that are not null, any one of which may match; null if there are none. */
    private static Query anyOf(Query... queries) {
        List<Query> qs = new ArrayList<>();
        for (Query q : queries) if (q != null) qs.add(q);
        if (qs.isEmpty()) return null;
        if (qs.size() == 1) return qs.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : qs) b.add(q, Occur.SHOULD);
        return b.build();
    }
}
