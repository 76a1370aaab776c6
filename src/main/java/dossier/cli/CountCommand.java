package dossier.cli;

import dossier.index.Archive;
import dossier.search.QueryException;
import dossier.search.Searcher;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dossier count}: prints the number of matching items alone. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Prints the exact number of items matching a query.",
        footer = {"", "Examples:", "  dossier count '*'", "  dossier count 'kind:email from:skilling date:2001'",
                "  dossier count -- '-kind:attachment'   (a query that starts with - follows --)"})
final class CountCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several arguments are joined with spaces.")
    List<String> query;

    @Override
    public Integer call() throws Exception {
        try (Searcher s = Searcher.open(Archive.open(archive.dir()))) {
            System.out.println(s.count(String.join(" ", query)));
            return Main.OK;
        } catch (QueryException e) {
            System.err.println("dossier: bad query: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
