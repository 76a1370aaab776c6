package dossier.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * Analyses an item's text once for both {@link Schema#TEXT} and {@link Schema#EXACT}. The two fields share every
 * step but the stemmer, and tokenising the body twice was the largest single cost of indexing an email. The TEXT
 * stream ({@link Schema#textAnalyzer()}'s chain) notes each distinct word just before stemming; the EXACT field,
 * which keeps documents only (no frequencies or positions), then indexes those distinct words. The terms are the
 * ones {@link Schema#exactAnalyzer()} gives the text.
 *
 * <p>This relies on Lucene inverting a document's fields in the order they were added, so {@link #text} must be
 * added before {@link #exact}, and the document must be indexed on the thread that built it (each thread reuses
 * one analysis chain; a stream used on another thread fails rather than mixing documents).
 */
final class TextFields {
    private static final ThreadLocal<Chain> CHAINS = ThreadLocal.withInitial(Chain::new);

    private TextFields() {}

    /** The indexed (not stored) TEXT field of the text, stemmed with positions. */
    static Field text(String text) {
        return new Field(Schema.TEXT, new TextStream(CHAINS.get(), text), TextField.TYPE_NOT_STORED);
    }

    /** The distinct unstemmed words of the TEXT field added just before, for EXACT. */
    static Field exact() {
        return new Field(Schema.EXACT, new WordsStream(CHAINS.get()), Schema.DOCS_ONLY);
    }

    /** One thread's analysis chain: tokenizer, the shared filters, the noted words, then the stemmer. */
    private static final class Chain {
        final Thread owner = Thread.currentThread();
        final StandardTokenizer tokenizer = new StandardTokenizer();
        final CharArraySet words = new CharArraySet(256, false);
        final TokenStream end = new PorterStemFilter(new NoteWords(
                new ASCIIFoldingFilter(new LowerCaseFilter(new SplitWordsFilter(tokenizer))), words));

        void check() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a text field must be indexed on the thread that built its document");
            }
        }
    }

    /** Keeps each distinct term that passes, as a copy. */
    private static final class NoteWords extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final CharArraySet words;

        NoteWords(TokenStream in, CharArraySet words) {
            super(in);
            this.words = words;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            if (!words.contains(term.buffer(), 0, term.length())) words.add(Arrays.copyOf(term.buffer(), term.length()));
            return true;
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
