package dossier.cli;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.model.Limits;
import dossier.parse.Ocr;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dossier ingest}: builds or extends an archive from a dump, resuming after an interruption. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests a dump (folders, mail stores, archives and any documents) into an archive.",
                "Re-running the same command after an interruption finishes the job; ingesting a new folder later "
                        + "adds new items after the existing ones."},
        footer = {"", "Reads folders, mbox, maildir, .eml, Outlook .pst/.ost/.msg, TNEF winmail.dat,",
                "zip, tar, gzip, bzip2, xz and 7z (nested too), and every document type",
                "Apache Tika knows. Images and PDF pages without a text layer are read by",
                "Tesseract OCR when it is installed (Debian: tesseract-ocr; tesseract-ocr-deu",
                "and the like for more languages).",
                "", "Examples:", "  dossier ingest --archive sony-archive /data/sony",
                "  dossier ingest --threads 1 --format json mail.mbox docs/",
                "  dossier ingest --ocr-languages eng+deu scans/",
                "  dossier ingest --no-ocr backup.pst"})
final class IngestCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--threads", paramLabel = "N", description = "Parse workers (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--format", paramLabel = "text|json", description = "Summary format (default: text).")
    Format format = Format.text;

    @Option(names = "--name", paramLabel = "NAME", description = "Archive name for a new archive (default: the first source's name).")
    String name;

    @Option(names = "--limits", paramLabel = "default|strict", description = "Bounds for hostile input (default: default).")
    String limits = "default";

    @Option(names = "--ocr-languages", paramLabel = "LANGS",
            description = "Tesseract languages for OCR, joined by '+' (default: eng); see tesseract --list-langs.")
    String ocrLanguages = "eng";

    @Option(names = "--no-ocr", description = "Do not OCR images and scanned PDF pages (faster).")
    boolean noOcr;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Folders and files to ingest.")
    List<Path> sources;

    /** OCR as the options and the installed Tesseract allow; a language Tesseract lacks is a usage error. */
    private Ocr ocr() {
        if (noOcr) return Ocr.OFF;
        if (!ocrLanguages.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            throw new Main.UsageError("--ocr-languages must be Tesseract language codes joined by '+', e.g. eng+deu");
        }
        Optional<Path> tesseract = Ocr.tesseract();
        if (tesseract.isEmpty()) {
            System.err.println("OCR is off: tesseract not found (install tesseract-ocr)");
            return Ocr.OFF;
        }
        List<String> installed = Ocr.installedLanguages(tesseract.get());
        for (String lang : ocrLanguages.split("\\+")) {
            if (!installed.isEmpty() && !installed.contains(lang)) {
                throw new Main.UsageError("--ocr-languages: Tesseract has no language '" + lang + "' (installed: "
                        + String.join(", ", installed) + "); install it, e.g. apt-get install tesseract-ocr-" + lang);
            }
        }
        return Ocr.on(ocrLanguages);
    }

    @Override
    public Integer call() throws Exception {
        for (Path s : sources) {
            if (!Files.exists(s)) throw new Main.UsageError("source not found: " + s);
        }
        if (threads < 1 || threads > 256) throw new Main.UsageError("--threads must be between 1 and 256");
        Limits l = switch (limits.toLowerCase(Locale.ROOT)) {
            case "default" -> Limits.DEFAULT;
            case "strict" -> Limits.STRICT;
            default -> throw new Main.UsageError("--limits must be default or strict");
        };
        Ocr ocr = ocr();
        Path dir = archive.dir();
        String archiveName = name != null ? name : sources.get(0).toAbsolutePath().normalize().getFileName() + "";
        Archive a = Archive.create(dir, archiveName);
        boolean terminal = System.console() != null && format == Format.text;
        Ingest ingest = new Ingest(new Ingest.Options(threads, l, 20_000, ocr));
        // Some parser libraries print to System.out (java-libpst: "Unknown message type"): while they run, that goes
        // to stderr, so stdout carries the summary alone and --format json stays parseable.
        PrintStream out = System.out;
        Ingest.Summary s;
        try {
            System.setOut(System.err);
            s = ingest.run(a, sources.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                    (files, bytes) -> new Progress(System.err, terminal, files, bytes));
        } finally {
            System.setOut(out);
        }
        if (format == Format.json) {
            System.out.println(Json.summary(s));
        } else {
            System.out.printf(Locale.ROOT, "Ingested %,d files into %s in %.1f s: %,d items (%,d emails, %,d attachments, "
                            + "%,d documents), %,d duplicates, %,d problems%s.%n", s.files(), dir, s.seconds(), s.items(),
                    s.emails(), s.attachments(), s.documents(), s.duplicates(), s.problems(),
                    s.skippedFiles() > 0 ? String.format(Locale.ROOT, "; %,d files were already in the archive", s.skippedFiles()) : "");
            if (s.problems() > 0) System.out.println("See them with: dossier problems --archive " + dir);
        }
        return Main.OK;
    }
}
