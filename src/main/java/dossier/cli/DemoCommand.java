package dossier.cli;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.sample.SampleGenerator;
import dossier.search.Hit;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dossier demo}: makes a small sample dump, ingests it, shows a few searches, and serves it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Writes a small synthetic dump to DIR/dump (2,000 emails, 200 documents), ingests it into "
                + "DIR/archive, runs a few searches, and serves the archive on the web.",
                "Running it again reuses what is there."},
        footer = {"", "Examples:", "  dossier demo", "  dossier demo --port 9090", "  dossier demo --no-serve --dir /tmp/demo"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "Port to serve on (default: 8080).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to serve on (default: 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the dump and the archive (default: ./demo).")
    Path dir = Path.of("demo");

    @Option(names = "--no-serve", description = "Stop after the searches instead of serving.")
    boolean noServe;

    @Option(names = "--emails", paramLabel = "N", description = "Emails in the sample (default: 2000).")
    int emails = 2000;

    static final List<String> SEARCHES = List.of("quillfeather", "\"tabletop exercise\"",
            "from:richard.calloway domain:larkspur.example.org", "kind:document type:pdf", "has:attachment budget");

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new Main.UsageError("--port must be between 0 and 65535");
        Path dump = dir.resolve("dump");
        Path archiveDir = dir.resolve("archive");
        if (!Files.isDirectory(dump)) {
            System.err.println("demo: writing a sample dump to " + dump);
            new SampleGenerator().generate(new SampleGenerator.SampleSpec(emails, emails / 10, 1), dump, null);
        }
        Archive archive = Archive.create(archiveDir, "Northwind Pictures (demo)");
        boolean terminal = System.console() != null;
        Ingest.Summary s = new Ingest(Ingest.Options.defaults()).run(archive, List.of(dump.toAbsolutePath().normalize()),
                (files, bytes) -> new Progress(System.err, terminal, files, bytes));
        System.out.printf(Locale.ROOT, "Ingested %,d files into %s: %,d items (%,d emails, %,d attachments, %,d documents), "
                        + "%,d duplicates, %,d problems, in %.1f s%n", s.files(), archiveDir, s.items(), s.emails(),
                s.attachments(), s.documents(), s.duplicates(), s.problems(), s.seconds());
        try (Searcher searcher = Searcher.open(archive)) {
            for (String q : SEARCHES) {
                SearchResult r = searcher.search(new SearchRequest(q, SearchRequest.Order.RELEVANCE, 0, 3, false, false));
                System.out.printf(Locale.ROOT, "%n$ dossier search --archive %s '%s'   (%,d hits)%n", archiveDir, q, r.total());
                for (Hit h : r.hits()) {
                    System.out.printf(Locale.ROOT, "%8d  %s  %-10s  %s%n", h.id(), h.date() == null ? "          " : h.date().substring(0, 10),
                            h.kind(), h.title());
                }
            }
        }
        if (noServe) return Main.OK;
        return Serving.serve(archive, host, port);
    }
}
