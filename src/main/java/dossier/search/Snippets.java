package dossier.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Snippet markup: matches are wrapped in two control characters that never occur in indexed text. */
public final class Snippets {
    private Snippets() {}

    public static final String START = "\u0002", END = "\u0003";
    private static final String ELLIPSIS = " … ";

    /** The snippet as plain text. */
    public static String plain(String s) {
        return s == null ? "" : s.replace(START, "").replace(END, "");
    }

    /** The snippet as HTML: escaped, with matches in {@code <mark>}. */
    public static String html(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u0002' -> b.append("<mark>");
                case '\u0003' -> b.append("</mark>");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Writes the highlighter's passages with their matches marked, joined by an ellipsis. Matches that overlap, or
     * that only an apostrophe separates, are one mark: the index has {@code LET'S} as two words, and a phrase that
     * matched both ({@code "lets do lunch"}) marks {@code LET'S}, not {@code LET} and {@code S} around a bare
     * apostrophe. Thread-safe.
     */
    static PassageFormatter formatter() {
        return new PassageFormatter() {
            @Override
            public String format(Passage[] passages, String content) {
                StringBuilder b = new StringBuilder();
                int pos = 0;
                for (Passage p : passages) {
                    if (p.getStartOffset() > pos && pos > 0) b.append(ELLIPSIS);
                    pos = p.getStartOffset();
                    int[] starts = p.getMatchStarts(), ends = p.getMatchEnds();
                    for (int i = 0; i < p.getNumMatches(); i++) {
                        int start = Math.max(pos, starts[i]), end = ends[i];
                        while (i + 1 < p.getNumMatches() && joined(content, end, starts[i + 1])) end = Math.max(end, ends[++i]);
                        end = Math.min(end, p.getEndOffset());
                        if (end <= start) continue;
                        b.append(content, pos, start).append(START).append(content, start, end).append(END);
                        pos = end;
                    }
                    if (p.getEndOffset() > pos) b.append(content, pos, p.getEndOffset());
                    pos = Math.max(pos, p.getEndOffset());
                }
                return b.toString();
            }
        };
    }

    /** Whether a match ending at {@code end} and the next one starting at {@code next} make one mark. */
    private static boolean joined(String content, int end, int next) {
        if (next <= end) return true;
        for (int i = end; i < next; i++) if (content.charAt(i) != '\'' && content.charAt(i) != '\u2019') return false;
        return true;
    }
}
