package dossier.cli;

import dossier.index.Archive;
import dossier.model.Terminal;
import dossier.people.Connection;
import dossier.people.Directory;
import dossier.search.ItemJson;
import dossier.search.Searcher;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier connections A B}: every email in which two people, or a person and a domain, take part. */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = {"Lists every email in which A and B both take part (as sender or recipient), oldest first.",
                "A is a person: an address, a person's key or a name. B is a person, or a domain such as rand.org."},
        footer = {"", "Examples:", "  dossier connections jeff.skilling@enron.com kenneth.lay@enron.com",
                "  dossier connections 'Jeff Skilling' 'Sherri Sera'",
                "  dossier connections --format json --limit 1000 jeff.skilling@enron.com insightpartners.com"})
final class ConnectionsCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Format format = Format.text;

    @Option(names = "--limit", paramLabel = "N", description = "Emails to print (default: 50).")
    int limit = 50;

    @Option(names = "--offset", paramLabel = "N", description = "Emails to skip first (default: 0).")
    int offset = 0;

    @Parameters(index = "0", paramLabel = "A", description = "A person: address, key or name.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "A person, or a domain.")
    String b;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || offset < 0) throw new Main.UsageError("--limit and --offset must be 0 or more");
        if (format == Format.raw) throw new Main.UsageError("--format must be text or json");
        try (Searcher s = Searcher.open(Archive.open(archive.dir()))) {
            Connection c = Directory.open(s).connection(a, b, offset, limit);
            if (format == Format.json) {
                System.out.println(ItemJson.MAPPER.writeValueAsString(c));
                return Main.OK;
            }
            if (c.a() == null) System.err.println("dossier: nobody known as '" + a + "'");
            else if (c.b() == null && c.domain() == null) System.err.println("dossier: nobody known as '" + b + "'");
            for (var h : c.emails().hits()) {
                System.out.printf(Locale.ROOT, "%8d  %s  %-28s  %s%n", h.id(), h.date() == null ? "          " : h.date().substring(0, 10),
                        cut(h.from() == null ? "" : Terminal.line(h.from()), 28), Terminal.line(h.title()));
            }
            String other = c.domain() != null ? c.domain() : c.b() == null ? b : c.b().key();
            System.err.printf(Locale.ROOT, "%,d emails connect %s and %s (%,d from the first to the second, %,d back); %,d shown%n",
                    c.total(), Terminal.line(c.a() == null ? a : c.a().key()), Terminal.line(other), c.aToB(), c.bToA(), c.emails().hits().size());
            return Main.OK;
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
