package dossier.people;

import dossier.index.PeopleStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A small server-side SVG of a person's strongest correspondents: the person in the middle, each correspondent on a
 * circle around, joined by a line as thick as their number of emails, each a link to the correspondent's page. No
 * script and no style attributes (presentation attributes only), so it passes a strict Content-Security-Policy and
 * works without JavaScript. Stateless.
 */
final class Graph {
    private Graph() {}

    static final int SIZE = 520, MAX = 12;

    static String svg(PersonSummary person, List<PeopleStore.Correspondent> correspondents) {
        List<PeopleStore.Correspondent> shown = correspondents.subList(0, Math.min(MAX, correspondents.size()));
        double c = SIZE / 2.0, r = SIZE / 2.0 - 90;
        long max = shown.stream().mapToLong(PeopleStore.Correspondent::emails).max().orElse(1);
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\" role=\"img\" aria-labelledby=\"graph-title\">\n");
        s.append("<title id=\"graph-title\">Strongest correspondents of ").append(xml(person.name())).append("</title>\n");
        for (int i = 0; i < shown.size(); i++) {
            double a = 2 * Math.PI * i / shown.size() - Math.PI / 2;
            double x = c + r * Math.cos(a), y = c + r * Math.sin(a);
            double w = 1 + 7.0 * shown.get(i).emails() / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8a8f98\" stroke-width=\"%.1f\"/>\n", c, c, x, y, w));
        }
        for (int i = 0; i < shown.size(); i++) {
            PeopleStore.Correspondent p = shown.get(i);
            double a = 2 * Math.PI * i / shown.size() - Math.PI / 2;
            double x = c + r * Math.cos(a), y = c + r * Math.sin(a);
            String anchor = Math.abs(Math.cos(a)) < 0.3 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
            double tx = x + (anchor.equals("start") ? 12 : anchor.equals("end") ? -12 : 0);
            double ty = y + (anchor.equals("middle") ? (Math.sin(a) > 0 ? 22 : -14) : 4);
            s.append("<a href=\"/people/").append(xml(path(p.key()))).append("\">");
            s.append("<title>").append(xml(label(p.name(), p.key()))).append(": ").append(p.emails()).append(" emails</title>");
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"#3b6ea8\"/>", x, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#222\">", tx, ty, anchor))
                    .append(xml(cut(label(p.name(), p.key()), 22))).append(" (").append(p.emails()).append(")</text></a>\n");
        }
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"14\" fill=\"#c0392b\"/>", c, c));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" font-family=\"sans-serif\" fill=\"#222\">", c, c + 32))
                .append(xml(cut(label(person.name(), person.key()), 30))).append("</text>\n");
        if (shown.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#555\">no correspondents</text>\n", c, c + 52));
        }
        return s.append("</svg>\n").toString();
    }

    /** The key as one URL path segment. */
    static String path(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    private static String label(String name, String key) {
        return name == null || name.isBlank() ? key : name;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
