package dossier.parse.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class data sharing archive for the extraction workers: each worker otherwise loads and verifies some 9,000 classes
 * of Tika, POI and PDFBox from the jars, about 1 s of CPU to start and more as a run reaches new formats
 * (BENCHMARKS.md). When the archive is missing, the first worker of an ingest writes it when it ends
 * ({@code -XX:ArchiveClassesAtExit}, so it holds the classes that ingest's files needed) into a file of its own, and
 * {@link #install} moves it into place only if that worker ended cleanly: a worker killed while writing, or two
 * ingests training at once, never leave a torn archive. Later workers map it ({@code -XX:SharedArchiveFile}); the JVM
 * checks it against the class path and the JDK and runs without it when they differ.
 *
 * <p>The launcher names the archive ({@code -Ddossier.parser.class-archive=target/parser-JDK.jsa}) and removes it
 * when the jar is newer; without that property (tests, embedding) workers run without one. Thread-safe.
 */
final class ClassArchive {
    /** The system property that names the archive. */
    static final String PROPERTY = "dossier.parser.class-archive";

    private final Path archive;
    private final Path training;
    private final AtomicBoolean trainingClaimed = new AtomicBoolean();

    private ClassArchive(Path archive) {
        this.archive = archive;
        this.training = archive == null ? null
                : archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    }

    /** The archive the launcher named, or none. */
    static ClassArchive fromSystemProperties() {
        String p = System.getProperty(PROPERTY, "").strip();
        return new ClassArchive(p.isEmpty() ? null : Path.of(p));
    }

    /** At {@code archive}; for tests. */
    static ClassArchive at(Path archive) {
        return new ClassArchive(archive);
    }

    /**
     * The JVM options of the next worker: map the archive if it exists; else, for one worker per ingest, write it
     * at exit ({@code trains} then says true). Notes of the JVM about the archive (a mismatch, classes it skips) are
     * kept quiet: a worker without it is only slower.
     */
    Use next() {
        if (archive == null) return new Use(List.of(), false);
        if (Files.isRegularFile(archive)) {
            return new Use(List.of("-XX:SharedArchiveFile=" + archive, QUIET), false);
        }
        if (trainingClaimed.compareAndSet(false, true)) {
            // What a training worker of a killed ingest wrote (it still writes as it ends) is of no use.
            RunFolder.sweep(archive.getParent(), archive.getFileName() + ".tmp-");
            return new Use(List.of("-XX:ArchiveClassesAtExit=" + training, QUIET), true);
        }
        return new Use(List.of(), false);
    }

    /**
     * Keeps the JVM's notes on the archive off the worker's stderr, where the workers' command line sends warnings
     * and errors ({@code -Xlog:all=warning:stderr}): without the output named, {@code -Xlog:cds=off} only quiets
     * stdout, and every worker said "[error][cds] Mismatched values for property jdk.module.enable.native.access"
     * (the JDK's base archive was made without native access), three lines per worker on the ingest's stderr.
     */
    private static final String QUIET = "-Xlog:cds*=off,aot*=off:stderr";

    /** Options for one worker, and whether it writes the archive. */
    record Use(List<String> options, boolean trains) {}

    /**
     * Puts the archive the training worker wrote into place if the worker ended cleanly (its exit status 0 means
     * the JVM finished writing); deletes a partial one otherwise.
     */
    void install(boolean trainerEndedCleanly) {
        if (training == null || !Files.exists(training)) return;
        try {
            if (trainerEndedCleanly && Files.size(training) > 0) {
                Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(training);
            }
        } catch (IOException e) {
            // a read-only target/ or a full disk: workers run without the archive
            try {
                Files.deleteIfExists(training);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
