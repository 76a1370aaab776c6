package dossier.index;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits the tokens the standard tokenizer keeps whole at dots, underscores and apostrophes
 * ({@code ticketmaster.com}, {@code jeff.skilling}, {@code q3_plan}, {@code tomorrow's}, {@code won’t}) into their
 * words, one position each, so that a reader typing {@code ticketmaster} finds {@code Ticketmaster.com} and one
 * typing {@code lets do lunch} or {@code tomorrow s meeting} (apostrophes lost, as they are when text is copied
 * through forms and search boxes) finds {@code LET'S DO LUNCH}; a query with the whole form is split the same way
 * and matches as a phrase. It sits right after the tokenizer, where a token's offsets span exactly its characters.
 * Not thread-safe (one instance per token stream, as every Lucene filter).
 */
final class SplitWordsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<int[]> pending = new ArrayDeque<>();
    private char[] buffer = new char[0];
    private int baseOffset;

    SplitWordsFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            int[] part = pending.removeFirst();
            term.copyBuffer(buffer, part[0], part[1] - part[0]);
            offset.setOffset(baseOffset + part[0], baseOffset + part[1]);
            posInc.setPositionIncrement(1);
            return true;
        }
        if (!input.incrementToken()) return false;
        char[] t = term.buffer();
        int len = term.length();
        boolean split = false;
        for (int i = 0; i < len && !split; i++) split = isSeparator(t[i]);
        if (!split) return true;
        buffer = java.util.Arrays.copyOf(t, len);
        baseOffset = offset.startOffset();
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i == len || isSeparator(buffer[i])) {
                if (i > start) pending.addLast(new int[] {start, i});
                start = i + 1;
            }
        }
        if (pending.isEmpty()) return true; // only dots: keep as it was
        int[] first = pending.removeFirst();
        int inc = posInc.getPositionIncrement();
        term.copyBuffer(buffer, first[0], first[1] - first[0]);
        offset.setOffset(baseOffset + first[0], baseOffset + first[1]);
        posInc.setPositionIncrement(inc);
        return true;
    }

    /** Dot, underscore, and the apostrophes: ASCII and the typographic one (U+2019) word processors write. */
    private static boolean isSeparator(char c) {
        return c == '.' || c == '_' || c == '\'' || c == '\u2019';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
