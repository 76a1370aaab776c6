package dossier.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Wildcard patterns ({@code *} any characters, {@code ?} one) on one field's terms, and the CJK rule: a run of
 * Chinese, Japanese or Korean characters is found anywhere inside an indexed word, since those scripts write names
 * and file names without spaces ({@code 吉田} finds {@code 吉田学}, {@code 報告} finds {@code 報告書2014}). Both
 * work on the terms an archive already has. Thread-safe (stateless).
 */
final class Patterns {
    private Patterns() {}

    static boolean isWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** Whether the text has a Han, Hiragana, Katakana or Hangul character. */
    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Patterns::isCjk);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /**
     * The terms of the field that match the pattern, already lower-cased and folded as the field is. A trailing
     * {@code *} alone is a faster prefix query. A pattern whose automaton Lucene would not build within its usual work
     * limit ({@code *a??????????????}: each {@code ?} after a {@code *} doubles it) is refused, rather than left to
     * fail as the search runs.
     */
    static Query wildcard(String field, String pattern, String asTyped, int column) throws QueryException {
        int star = pattern.indexOf('*');
        if (star == pattern.length() - 1 && pattern.indexOf('?') < 0) {
            return new PrefixQuery(new Term(field, pattern.substring(0, star)));
        }
        try {
            return new WildcardQuery(new Term(field, pattern), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        } catch (TooComplexToDeterminizeException e) {
            throw new QueryException("the pattern " + asTyped + " is too broad to search (each ? after a * "
                    + "multiplies the work); use fewer ?, or letters in their place", column);
        }
    }

    /** The terms of the field that contain the text, taken literally. */
    static Query within(String field, String text) {
        return new WildcardQuery(new Term(field, "*" + escape(text) + "*"));
    }

    /** The text with Lucene's wildcard characters taken literally. */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == WildcardQuery.WILDCARD_ESCAPE) b.append(WildcardQuery.WILDCARD_ESCAPE);
            b.append(c);
        }
        return b.toString();
    }
}
