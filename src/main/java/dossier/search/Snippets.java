package dossier.search;

/** Snippet markup: matches are wrapped in two control characters that never occur in indexed text. */
public final class Snippets {
    private Snippets() {}

    public static final String START = "\u0002", END = "\u0003";

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
}
