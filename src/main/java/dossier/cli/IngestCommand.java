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

    @Option(names = "--limits", paramLabel = "default|strict", description = {
            "Bounds for hostile input (default: default). Beyond a bound a file becomes a problem, never a failed run.",
            "  default: files up to 512 MiB, nesting 16 deep, 1,000,000 entries per container (zip, mbox, PST; "
                    + "100,000 for a zip, 7z or PST inside another), unpacking at most 200x, 5,000,000 characters of text per item, 1 MiB of mail headers, 120 s per file",
            "  strict:  64 MiB, 8 deep, 10,000 entries, 50x, 1,000,000 characters, 256 KiB of headers, 20 s per file",
            "A header block past the limit is cut by shortening its longest fields (between addresses), never by "
                    + "dropping the fields after them."})
    String limits = "default";

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = {"How long one file may take to be read "
            + "before it is given up and recorded as a problem (default: what --limits says, 120 s or 20 s). Scans "
            + "read by OCR get at least 10 minutes."})
    Integer timeLimit;

    @Option(names = "--isolation", paramLabel = "process|none", description = {
            "Where documents and attachments are parsed (default: process): in worker processes that are killed when "
                    + "a file hangs or exhausts their memory, or in this process (none: faster to start, but one "
                    + "hostile file can stall a thread or stop the run). OCR runs wherever parsing does."})
    String isolation = "process";

    /** Commit interval in items; small values let tests interrupt an ingest between commits. */
    @Option(names = "--commit-every", paramLabel = "ITEMS", hidden = true)
    long commitEvery = 20_000;

    @Option(names = "--ocr-languages", paramLabel = "LANGS",
            description = "Tesseract languages for OCR, joined by '+' (default: eng); see tesseract --list-langs.")
    String ocrLanguages = "eng";

    @Option(names = "--no-ocr", description = {"Do not OCR images and scanned PDF pages (faster). With OCR, an image or "
            + "PDF may take up to 10 minutes (five times Tesseract's 120 s per page) where --limits allows less; scans, on "
            + "their own or attached to mail, are read beside the ingest (up to 64 at once), so they do not hold back "
            + "the files after them."})
    boolean noOcr;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Folders and files to ingest.")
    List<Path> sources;

    private Ingest.Isolation isolation() {
        return switch (isolation.toLowerCase(Locale.ROOT)) {
            case "process" -> Ingest.Isolation.PROCESS;
            case "none" -> Ingest.Isolation.NONE;
            default -> throw new Main.UsageError("--isolation must be process or none");
        };
    }

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
        String names = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!names.equalsIgnoreCase("UTF-8")) {
            // ./dossier sets a UTF-8 locale; this is for a JVM started some other way.
            System.err.println("dossier: warning: file names are read as " + names + " (the locale): non-ASCII names "
                    + "will be recorded as U+FFFD and ids will differ from a UTF-8 machine's. Set LC_ALL=C.UTF-8.");
        }
        Limits l = switch (limits.toLowerCase(Locale.ROOT)) {
            case "default" -> Limits.DEFAULT;
            case "strict" -> Limits.STRICT;
            default -> throw new Main.UsageError("--limits must be default or strict");
        };
        if (timeLimit != null) {
            if (timeLimit < 1 || timeLimit > 86_400) throw new Main.UsageError("--time-limit must be between 1 and 86400 seconds");
            l = l.withTimePerFile(java.time.Duration.ofSeconds(timeLimit));
        }
        Ingest.Isolation iso = isolation();
        if (commitEvery < 1) throw new Main.UsageError("--commit-every must be at least 1");
        Ocr ocr = ocr();
        Path dir = archive.dir();
        String archiveName = name != null ? name : sources.get(0).toAbsolutePath().normalize().getFileName() + "";
        Archive a = Archive.create(dir, archiveName);
        boolean terminal = System.console() != null && format == Format.text;
        Ingest ingest = new Ingest(new Ingest.Options(threads, l, commitEvery, iso, ocr));
        Ingest.Summary s = run(ingest, a, terminal);
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

    /**
     * Runs the ingest with System.out sent to stderr: some parser libraries print there (java-libpst: "Unknown
     * message type"), and stdout must carry the summary alone so --format json stays parseable. Extraction workers
     * keep their own stdout for frames.
     */
    private Ingest.Summary run(Ingest ingest, Archive a, boolean terminal) throws InterruptedException {
        PrintStream out = System.out;
        try {
            System.setOut(System.err);
            return ingest.run(a, sources.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                    (files, bytes) -> new Progress(System.err, terminal, files, bytes));
        } finally {
            System.setOut(out);
        }
    }
}
