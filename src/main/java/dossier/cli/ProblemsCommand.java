package dossier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.index.Archive;
import dossier.index.Problems;
import dossier.model.Problem;
import dossier.search.ItemJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier problems}: every input that was not fully processed, grouped by stage and reason. */
@Command(name = "problems", mixinStandardHelpOptions = true,
        description = "Lists the inputs that were not fully processed, grouped by stage and reason, with counts and paths.",
        footer = {"", "Examples:", "  dossier problems", "  dossier problems --format json | jq '.groups[0]'"})
final class ProblemsCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    Format format = Format.text;

    /** Problems with the same stage and reason. */
    record Group(String stage, String reason, List<String> paths) {}

    @Override
    public Integer call() throws Exception {
        Archive a = Archive.open(archive.dir());
        List<Problem> all = Problems.read(a);
        List<Group> groups = group(all);
        if (format == Format.json) {
            ObjectNode o = ItemJson.MAPPER.createObjectNode();
            o.put("total", all.size());
            ArrayNode arr = o.putArray("groups");
            for (Group g : groups) {
                ObjectNode n = arr.addObject().put("stage", g.stage()).put("reason", g.reason()).put("count", g.paths().size());
                ArrayNode paths = n.putArray("paths");
                g.paths().forEach(paths::add);
            }
            System.out.println(o);
        } else {
            System.out.printf(Locale.ROOT, "%,d problems in %,d groups%n", all.size(), groups.size());
            for (Group g : groups) {
                System.out.printf(Locale.ROOT, "%n%s: %s (%,d)%n", g.stage(), g.reason(), g.paths().size());
                g.paths().forEach(p -> System.out.println("  " + p));
            }
        }
        return Main.OK;
    }

    static List<Group> group(List<Problem> all) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Problem p : all) {
            groups.computeIfAbsent(p.stage() + "\u0000" + p.reason(), k -> new Group(p.stage(), p.reason(), new ArrayList<>()))
                    .paths().add(p.path());
        }
        List<Group> out = new ArrayList<>(groups.values());
        out.sort((x, y) -> Integer.compare(y.paths().size(), x.paths().size()));
        return out;
    }
}
