package dossier.parse;

import java.io.StringReader;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML body into searchable text with jsoup, keeping paragraph and line breaks (jsoup's {@code text()} would
 * run every paragraph into one line). Script and style content is dropped. Stateless and thread-safe.
 */
final class HtmlText {
    private HtmlText() {}

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt", "dl", "section", "article", "header",
            "footer", "address", "title");

    /** The text of an HTML document or fragment. */
    static String of(String html) {
        if (html == null || html.isBlank()) return "";
        // Read through a watched reader, and checked node by node: an abandoned parse stops (see Interruption).
        Element body = Parser.htmlParser().parseInput(Interruption.watch(new StringReader(html)), "");
        StringBuilder out = new StringBuilder(html.length() / 2);
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                Interruption.check();
                if (node instanceof TextNode t) {
                    appendCollapsed(out, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                } else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\t');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    newline(out);
                }
            }
        });
        return out.toString().strip();
    }

    private static void appendCollapsed(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00a0';
            if (space) {
                if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))) out.append(' ');
            } else {
                out.append(c);
            }
        }
    }

    private static void newline(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') len--;
        out.setLength(len);
        if (len > 0 && !(len >= 2 && out.charAt(len - 1) == '\n' && out.charAt(len - 2) == '\n')) out.append('\n');
    }
}
