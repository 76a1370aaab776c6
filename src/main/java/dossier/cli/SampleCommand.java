package dossier.cli;

import dossier.sample.SampleGenerator;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier sample}: writes a realistic synthetic dump, the same for the same seed. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Writes a realistic synthetic dump of a fictional film studio (Northwind Pictures): maildirs "
                + "with threads, cc lists and real docx/xlsx/pdf attachments, mbox lists, standalone documents and a zip.",
                "The same options give byte-identical output on any machine. It is the demo's data and the benchmarks' workload.",
                "Planted story: search quillfeather, \"tabletop exercise\" or domain:larkspur.example.org."},
        footer = {"", "Examples:", "  dossier sample /tmp/dump", "  dossier sample --emails 200000 --documents 30000 --seed 7 /tmp/sony-sized"})
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--emails", paramLabel = "N", description = "Emails to write (default: 2000).")
    int emails = 2000;

    @Option(names = "--documents", paramLabel = "N", description = "Standalone documents to write (default: 200).")
    int documents = 200;

    @Option(names = "--seed", paramLabel = "S", description = "Seed that fixes every choice (default: 1).")
    long seed = 1;

    @Parameters(paramLabel = "OUT", description = "Folder to write; must not exist or be empty.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (emails < 0 || documents < 0) throw new Main.UsageError("--emails and --documents must be 0 or more");
        SampleGenerator.Summary s;
        try {
            long t0 = System.nanoTime();
            boolean terminal = System.console() != null;
            long[] lastLine = {t0};
            s = new SampleGenerator().generate(new SampleGenerator.SampleSpec(emails, documents, seed), out, (e, d) -> {
                if (terminal) {
                    System.err.printf(Locale.ROOT, "\rsample: %,d emails, %,d documents", e, d);
                } else if (System.nanoTime() - lastLine[0] > 10_000_000_000L) { // a log line every 10 s, as ingest does
                    lastLine[0] = System.nanoTime();
                    System.err.printf(Locale.ROOT, "sample: %,d emails, %,d documents%n", e, d);
                }
            });
            System.err.printf(Locale.ROOT, (terminal ? "%n" : "") + "Wrote %,d emails and %,d documents (%,d files, %.1f MB) to %s in %.1f s%n",
                    s.emails(), s.documents(), s.files(), s.bytes() / 1e6, out, (System.nanoTime() - t0) / 1e9);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        return Main.OK;
    }
}
