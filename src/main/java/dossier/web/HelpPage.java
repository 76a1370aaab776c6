package dossier.web;

import dossier.search.Operators;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /help/search}: the query language (DESIGN 5) from the parser's own table ({@link Operators}), so the page and
 * the command line's help never disagree; every example links to its results.
 */
public final class HelpPage {
    private HelpPage() {}

    /** One row of the operator table; {@code example} is a query that links to its search. */
    public record Operator(String syntax, String meaning, String example) {
        public String href() {
            return Urls.search(example, null, 1);
        }
    }

    /** What the help page shows. */
    public record View(Frame frame, List<Operator> words, List<Operator> operators) {}

    private static List<Operator> rows(List<Operators.Help> help) {
        return help.stream().map(h -> new Operator(h.syntax(), h.description(), h.example())).toList();
    }

    static void show(Site site, Context ctx) {
        site.render(ctx, "help.jte", new View(site.frame("Search help", ""), rows(Operators.SYNTAX), rows(Operators.HELP)));
    }
}
