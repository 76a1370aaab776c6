package dossier.cli;

import dossier.index.Archive;
import dossier.index.Problems;
import dossier.model.Problem;
import dossier.model.Terminal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier problems}: every input that was not fully processed, grouped by stage and reason. */
@Command(name = "problems", mixinStandardHelpOptions = true,
        description = {"Lists the inputs that were not fully processed, grouped by stage and reason, with counts and paths.",
                "Reasons that differ only in numbers, hexadecimal values or quoted names are one group, shown with … in their place."},
        footer = {"", "Examples:", "  dossier problems", "  dossier problems --format json | jq '.groups[0]'"})
final class ProblemsCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Format format = Format.text;

    @Override
    public Integer call() throws Exception {
        if (format == Format.raw) throw new Main.UsageError("--format must be text or json");
        Archive a = Archive.open(archive.dir());
        List<Problem> all = Problems.read(a);
        List<Problems.Group> groups = Problems.group(all);
        if (format == Format.json) {
            System.out.println(Problems.json(all));
        } else {
            System.out.printf(Locale.ROOT, "%,d problems in %,d groups%n", all.size(), groups.size());
            for (Problems.Group g : groups) {
                System.out.printf(Locale.ROOT, "%n%s: %s (%,d)%n", g.stage(), Terminal.line(g.reason()), g.paths().size());
                g.paths().forEach(p -> System.out.println("  " + Terminal.line(p)));
            }
        }
        return Main.OK;
    }
}
