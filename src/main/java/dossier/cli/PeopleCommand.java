package dossier.cli;

import dossier.index.Archive;
import dossier.model.Terminal;
import dossier.people.Directory;
import dossier.people.Listing;
import dossier.people.PersonSummary;
import dossier.search.ItemJson;
import dossier.search.Searcher;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier people}: the people of an archive, by volume or name, filtered by parts of names or addresses. */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = {"Lists the people of an archive and how many emails each took part in, sent and received.",
                "Everyone who sent or received an email is listed once, their addresses and names resolved into one person."},
        footer = {"", "Examples:", "  dossier people", "  dossier people skilling",
                "  dossier people --sort name --limit 100 enron.com",
                "  dossier people --format json 'jeff.skilling@enron.com'"})
final class PeopleCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Format format = Format.text;

    @Option(names = "--sort", paramLabel = "volume|name", description = "Order (default: volume, most emails first).")
    String sort = "volume";

    @Option(names = "--limit", paramLabel = "N", description = "People to print (default: 50).")
    int limit = 50;

    @Option(names = "--offset", paramLabel = "N", description = "People to skip first (default: 0).")
    int offset = 0;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Parts of a name or address: each word must be in one of the person's names or addresses, in any order"
                    + " (skilling jeff); in double quotes, the text as written (\"Last, First\" also finds First Last).")
    List<String> query = List.of();

    @Override
    public Integer call() throws Exception {
        Directory.Order order = Directory.Order.parse(sort);
        if (order == null) throw new Main.UsageError("unknown --sort '" + sort + "': use volume or name");
        if (limit < 0 || offset < 0) throw new Main.UsageError("--limit and --offset must be 0 or more");
        if (format == Format.raw) throw new Main.UsageError("--format must be text or json");
        try (Searcher s = Searcher.open(Archive.open(archive.dir()))) {
            Listing<PersonSummary> people = Directory.open(s).people(String.join(" ", query), order, offset, limit);
            if (format == Format.json) {
                System.out.println(ItemJson.MAPPER.writeValueAsString(people));
                return Main.OK;
            }
            for (PersonSummary p : people.hits()) {
                System.out.printf(Locale.ROOT, "%7d  %6d sent  %6d received  %-10s %-10s  %-32s %s%s%n", p.emails(), p.sent(),
                        p.received(), day(p.first()), day(p.last()), Terminal.line(p.key()), p.name().equals(p.key()) ? "" : Terminal.line(p.name()),
                        p.addresses().size() > 1 ? "  (+" + (p.addresses().size() - 1) + " addresses)" : "");
            }
            System.err.printf(Locale.ROOT, "%,d of %,d people shown%n", people.hits().size(), people.total());
            return Main.OK;
        }
    }

    static String day(String iso) {
        return iso == null ? "-" : iso.substring(0, Math.min(10, iso.length()));
    }
}
