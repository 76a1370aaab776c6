package dossier.search;

import dossier.index.Schema;
import dossier.search.QueryLexer.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
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
    /** What splits a file name into words (as {@link Schema#filenameAnalyzer()} does), wildcards kept. */
    private static final Pattern FILE_NAME_PATTERN_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}*?]+");

    private final Analyzer stemmed = Schema.textAnalyzer();
    private final Analyzer exact = Schema.exactAnalyzer();
    private final QueryBuilder stemmedBuilder = new QueryBuilder(stemmed);
    private final Analyzer fileNames = Schema.filenameAnalyzer();
    private final Phrases phrases = new Phrases();

    /** A free-text word or phrase. */
    Query free(Value v) throws QueryException {
        if (v.quoted()) return Phrases.filtered(anyOf(subjectWords(v), phrases.phrase(Schema.TEXT, v)), phrases.exactWords(v));
        if (!v.escaped()) {
            if (v.text().equals("*")) return new MatchAllDocsQuery();
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) {
                int edits = edits(m.group(2), v);
                return anyOf(fuzzy(Schema.EXACT, m.group(1), edits), fuzzy(Schema.FILENAME, m.group(1), edits));
            }
            if (Patterns.isWildcard(v.text())) return anyOf(wildcard(Schema.EXACT, v), fileNamePattern(v));
        }
        return anyOf(subjectWords(v), stemmedBuilder.createPhraseQuery(Schema.TEXT, v.text(), 0), filename(v));
    }

    /** {@code subject:}: a word or phrase in the subject, boosted as in free text; quoted, as {@link Phrases} says. */
    Query subject(Value v) throws QueryException {
        Query q = subjectWords(v);
        return v.quoted() ? Phrases.filtered(q, phrases.exactWords(v)) : q;
    }

    private Query subjectWords(Value v) throws QueryException {
        if (v.quoted()) {
            Query q = phrases.phrase(Schema.SUBJECT, v);
            return q == null ? null : new BoostQuery(q, SUBJECT_BOOST);
        }
        Query q = null;
        if (!v.quoted() && !v.escaped()) {
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) q = fuzzy(Schema.SUBJECT, m.group(1), edits(m.group(2), v));
            else if (Patterns.isWildcard(v.text())) q = wildcard(Schema.SUBJECT, v);
        }
        if (q == null) q = stemmedBuilder.createPhraseQuery(Schema.SUBJECT, v.text(), v.slop());
        return q == null ? null : new BoostQuery(q, SUBJECT_BOOST);
    }

    /**
     * {@code filename:}: every word of the value in the file name, split as file names are indexed, or a wildcard or
     * fuzzy name. Quoted words are all required rather than a phrase, since the file name field need not keep
     * positions. A word with CJK characters is found inside a word of the name ({@code 報告} in 報告書2014.pdf).
     * Only files have the field: emails that stand on their own in the dump are not indexed under their file name
     * ({@link dossier.index.ItemDocuments#toDocument}).
     */
    Query filename(Value v) throws QueryException {
        if (!v.quoted() && !v.escaped()) {
            Matcher m = FUZZY.matcher(v.text());
            if (m.matches()) return fuzzy(Schema.FILENAME, m.group(1), edits(m.group(2), v));
            if (Patterns.isWildcard(v.text())) return fileNamePattern(v);
        }
        List<Query> words = new ArrayList<>();
        for (String w : terms(fileNames, Schema.FILENAME, v.text())) words.add(fileNameWord(w));
        return allOf(words);
    }

    /**
     * A file name pattern, split into words as file names are indexed: {@code *.xlsx} is any name with the word xlsx,
     * {@code budget*.xls} one with a word starting budget and the word xls. Only stars: any file name.
     */
    private Query fileNamePattern(Value v) throws QueryException {
        List<Query> words = new ArrayList<>();
        for (String w : FILE_NAME_PATTERN_SEPARATORS.split(v.text())) {
            if (w.isEmpty() || w.chars().allMatch(c -> c == '*')) continue;
            String p = normalize(Schema.FILENAME, w);
            words.add(Patterns.isWildcard(p) ? Patterns.wildcard(Schema.FILENAME, p, v.text(), v.column()) : fileNameWord(p));
        }
        return words.isEmpty() ? Patterns.wildcard(Schema.FILENAME, "*", v.text(), v.column()) : allOf(words);
    }

    private static Query fileNameWord(String w) {
        return Patterns.hasCjk(w) ? Patterns.within(Schema.FILENAME, w) : new TermQuery(new Term(Schema.FILENAME, w));
    }

    /** Every query required; null if there are none. */
    private static Query allOf(List<Query> queries) {
        if (queries.size() < 2) return queries.isEmpty() ? null : queries.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : queries) b.add(q, Occur.MUST);
        return b.build();
    }

    /** The terms the analyser makes of the text for the field, in order. */
    static List<String> terms(Analyzer a, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return out;
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

    private Query wildcard(String field, Value v) throws QueryException {
        return Patterns.wildcard(field, normalize(field, v.text()), v.text(), v.column());
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
