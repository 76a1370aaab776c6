package dossier.cli;

import dossier.index.Archive;
import dossier.model.Terminal;
import dossier.search.Hit;
import dossier.search.ItemJson;
import dossier.search.QueryException;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import dossier.search.Snippets;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier search}: prints the matching items, best first or by date. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches an archive with Dossier's query language.",
                "Several words must all match; use OR, NOT, -word, \"phrases\", wild*, fuzzy~ and the operators below."},
        footer = {"", "Operators: from: to: cc: bcc: participant: domain: subject: filename: kind: type: has:attachment",
                "           date:2014-01..2014-06 after:2014-01-01 before:2014-02-01 larger:5M smaller:100k id: thread: lang:",
                "", "Examples:", "  dossier search 'from:skilling subject:budget'",
                "  dossier search --sort newest --limit 50 'domain:rand.org after:2014-01-01'",
                "  dossier search --format json '\"merger agreement\" has:attachment'",
                "  dossier search -- '-kind:attachment budget'   (a query that starts with - follows --)"})
final class SearchCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Format format = Format.text;

    @Option(names = "--limit", paramLabel = "N", description = "Hits to print (default: 20).")
    int limit = 20;

    @Option(names = "--offset", paramLabel = "N", description = "Hits to skip first (default: 0).")
    int offset = 0;

    @Option(names = "--sort", paramLabel = "relevance|newest|oldest", description = "Order (default: relevance).")
    String sort = "relevance";

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several arguments are joined with spaces.")
    List<String> query;

    @Override
    public Integer call() throws Exception {
        SearchRequest.Order order = SearchRequest.Order.parse(sort);
        if (order == null) throw new Main.UsageError("unknown --sort '" + sort + "': use relevance, newest or oldest");
        if (limit < 0 || offset < 0) throw new Main.UsageError("--limit and --offset must be 0 or more");
        if (format == Format.raw) throw new Main.UsageError("--format must be text or json");
        try (Searcher s = Searcher.open(Archive.open(archive.dir()))) {
            SearchResult r = s.search(new SearchRequest(String.join(" ", query), order, offset, limit, false, true));
            if (format == Format.json) {
                System.out.println(ItemJson.result(r));
            } else {
                print(r, System.out);
            }
            return Main.OK;
        } catch (QueryException e) {
            System.err.println("dossier: bad query: " + e.getMessage());
            return Main.USAGE;
        }
    }

    static void print(SearchResult r, PrintStream out) {
        for (Hit h : r.hits()) {
            String date = h.date() == null ? "          " : h.date().substring(0, 10);
            String who = h.from() == null ? "" : Terminal.line(h.from());
            out.printf(Locale.ROOT, "%8d  %s  %-10s  %-28s  %s%n", h.id(), date, h.kind(), cut(who, 28), Terminal.line(h.title()));
            String snip = Terminal.line(Snippets.plain(h.snippet())).replaceAll("\\s+", " ").strip();
            if (!snip.isEmpty()) out.println("          " + cut(snip, 150));
        }
        long shown = r.hits().size();
        System.err.printf(Locale.ROOT, "%,d of %,d matching items shown (from %,d)%n", shown, r.total(), r.offset() + (shown > 0 ? 1 : 0));
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
