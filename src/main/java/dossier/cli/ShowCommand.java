package dossier.cli;

import dossier.index.Archive;
import dossier.index.BlobStore;
import dossier.model.Address;
import dossier.model.EmailFields;
import dossier.model.Item;
import dossier.model.Original;
import dossier.model.Terminal;
import dossier.search.ItemJson;
import dossier.search.Searcher;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier show}: prints one item as text, JSON, or its original bytes. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one item by id.",
        footer = {"", "Examples:", "  dossier show 42", "  dossier show --format json 42",
                "  dossier show --format raw 42 > message.eml"})
final class ShowCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--format", paramLabel = "text|json|raw", description = "text (default), json, or raw (the original bytes).")
    Format format = Format.text;

    @Parameters(paramLabel = "ID", description = "The item id.")
    String id;

    @Override
    public Integer call() throws Exception {
        long n;
        try {
            n = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new Main.UsageError("not an item id: " + id);
        }
        Archive a = Archive.open(archive.dir());
        try (Searcher s = Searcher.open(a)) {
            if (format == Format.raw) {
                // The original alone: its text and detail, which can run to hundreds of MB, are not read.
                Optional<Original> original = s.original(n);
                if (original.isEmpty()) return noItem(a, n);
                System.out.write(new BlobStore(a.blobsDir()).read(original.get().sha256()));
                System.out.flush();
                return Main.OK;
            }
            Optional<Item> item = s.item(n);
            if (item.isEmpty()) return noItem(a, n);
            if (format == Format.json) System.out.println(ItemJson.item(item.get())); else print(item.get(), System.out);
        }
        return Main.OK;
    }

    private static int noItem(Archive a, long n) {
        System.err.println("dossier: no item " + n + " in " + a.dir());
        return Main.FAILURE;
    }

    /** The item as text; whatever came from the dump goes through {@link Terminal}, so it cannot command the terminal. */
    private static void print(Item it, PrintStream out) {
        out.println("id:       " + it.id() + "  (" + it.kind().label() + ")");
        EmailFields e = it.email();
        if (e != null) {
            field(out, "from", addresses(e.from()));
            if (!e.to().isEmpty()) field(out, "to", addresses(e.to()));
            if (!e.cc().isEmpty()) field(out, "cc", addresses(e.cc()));
            field(out, "subject", e.subject());
        } else {
            field(out, "title", it.title());
        }
        if (it.date() != null) out.println("date:     " + it.date());
        field(out, "type", it.contentType() + ", " + it.size() + " bytes, sha256 " + it.sha256());
        for (String loc : it.locations()) field(out, "source", loc);
        if (it.parent() > 0) out.println("parent:   " + it.parent());
        if (!it.attachments().isEmpty()) out.println("attached: " + it.attachments());
        out.println();
        out.println(Terminal.text(it.text()));
    }

    private static void field(PrintStream out, String label, String value) {
        out.printf(Locale.ROOT, "%-10s%s%n", label + ":", Terminal.line(value));
    }

    private static String addresses(List<Address> list) {
        return String.join(", ", list.stream().map(Address::display).toList());
    }
}
