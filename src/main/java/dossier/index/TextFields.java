package dossier.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * Analyses an item's text once for both {@link Schema#TEXT} and {@link Schema#EXACT}. The two fields share every
 * step but the stemmer, and tokenising the body twice was the largest single cost of indexing an email. The TEXT
 * stream ({@link Schema#textAnalyzer()}'s chain) notes each distinct word just before stemming; the EXACT field,
 * which keeps documents only (no frequencies or positions), then indexes those distinct words. The terms are the
 * ones {@link Schema#exactAnalyzer()} gives the text.
 *
 * <p>An email's HTML text ({@link dossier.model.Parsed#htmlText}) adds to TEXT, as a second value, only the words
 * the text lacks, each once ({@link #htmlWords}): words only the HTML view shows are found, while the words of both
 * parts, which are most of them, keep the frequencies they have in the text, and the stored text, its snippets and
 * its length stay the plain part's but for those words. Comparing the analysed words (lower-cased, folded, split as
 * indexed) needs no second set: the TEXT stream's noted words are the set, and tokenising the HTML text once more is
 * the whole cost. Those words are noted too, so EXACT has them for wildcards and fuzzy queries.
 *
 * <p>This relies on Lucene inverting a document's fields in the order they were added, so {@link #text} must be
 * added before {@link #htmlWords}, both before {@link #exact}, and the document must be indexed on the thread that built it (each thread reuses
 * one analysis chain; a stream used on another thread fails rather than mixing documents).
 */
final class TextFields {
    private static final ThreadLocal<Chain> CHAINS = ThreadLocal.withInitial(Chain::new);

    private TextFields() {}

    /** The indexed (not stored) TEXT field of the text, stemmed with positions. */
    static Field text(String text) {
        return new Field(Schema.TEXT, new TextStream(CHAINS.get(), text), TextField.TYPE_NOT_STORED);
    }

    /**
     * A second, indexed (not stored) TEXT value: the words of an email's HTML text that the TEXT value added just
     * before lacks, each once, stemmed, after a gap of {@value #GAP} positions so that no phrase spans the two.
     */
    static Field htmlWords(String htmlText) {
        return new Field(Schema.TEXT, new MoreStream(CHAINS.get(), htmlText), TextField.TYPE_NOT_STORED);
    }

    /** Positions between the text and the HTML's words. */
    static final int GAP = 100;

    /** The distinct unstemmed words of the TEXT fields added just before, for EXACT. */
    static Field exact() {
        return new Field(Schema.EXACT, new WordsStream(CHAINS.get()), Schema.DOCS_ONLY);
    }

    /**
     * One thread's analysis chains, for the text and for an HTML text: tokenizer, the shared filters, the noted words
     * (one set for both), then the stemmer.
     */
    private static final class Chain {
        final Thread owner = Thread.currentThread();
        final StandardTokenizer tokenizer = new StandardTokenizer();
        final CharArraySet words = new CharArraySet(256, false);
        final TokenStream end = stemmedAfterNoting(tokenizer, words, false);
        final StandardTokenizer moreTokenizer = new StandardTokenizer();
        final TokenStream moreEnd = stemmedAfterNoting(moreTokenizer, words, true);

        private static TokenStream stemmedAfterNoting(StandardTokenizer source, CharArraySet words, boolean newOnly) {
            return new PorterStemFilter(new NoteWords(
                    new ASCIIFoldingFilter(new LowerCaseFilter(new SplitWordsFilter(source))), words, newOnly));
        }

        void check() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a text field must be indexed on the thread that built its document");
            }
        }
    }

    /**
     * Notes each distinct term as a copy; passes every term, or with {@code newOnly} only the terms not noted yet
     * (each word of the HTML text that the text lacks, once), keeping the positions of those it drops.
     */
    private static final class NoteWords extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final CharArraySet words;
        private final boolean newOnly;

        NoteWords(TokenStream in, CharArraySet words, boolean newOnly) {
            super(in);
            this.words = words;
            this.newOnly = newOnly;
        }

        @Override
        protected boolean accept() {
            if (words.contains(term.buffer(), 0, term.length())) return !newOnly;
            words.add(Arrays.copyOf(term.buffer(), term.length()));
            return true;
        }
    }

    /** The words of an email's HTML text that its text lacks; keeps the words noted by the TEXT stream before it. */
    private static final class MoreStream extends TokenFilter {
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final Chain chain;
        private final String text;
        private boolean first;

        MoreStream(Chain chain, String text) {
            super(chain.moreEnd);
            this.chain = chain;
            this.text = text;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            if (first) position.setPositionIncrement(position.getPositionIncrement() + GAP);
            first = false;
            return true;
        }

        @Override
        public void reset() throws IOException {
            chain.check();
            chain.moreTokenizer.setReader(new StringReader(text));
            first = true;
            super.reset();
        }
    }

    /** The chain over one document's text; starts the chain afresh (and forgets the last words) on reset. */
    private static final class TextStream extends TokenFilter {
        private final Chain chain;
        private final String text;

        TextStream(Chain chain, String text) {
            super(chain.end);
            this.chain = chain;
            this.text = text;
        }

        @Override
        public boolean incrementToken() throws IOException {
            return input.incrementToken();
        }

        @Override
        public void reset() throws IOException {
            chain.check();
            chain.words.clear();
            chain.tokenizer.setReader(new StringReader(text));
            super.reset();
        }
    }

    /** The words noted by the last TEXT stream of this thread, one token each. */
    private static final class WordsStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Chain chain;
        private Iterator<Object> next;

        WordsStream(Chain chain) {
            this.chain = chain;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            chain.check();
            next = chain.words.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!next.hasNext()) return false;
            clearAttributes();
            char[] w = (char[]) next.next();
            term.copyBuffer(w, 0, w.length);
            return true;
        }
    }
}
