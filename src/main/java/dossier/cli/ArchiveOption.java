package dossier.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --archive DIR} option every command shares: default $DOSSIER_ARCHIVE, else ./archive. */
final class ArchiveOption {
    @Option(names = "--archive", paramLabel = "DIR",
            description = "Archive directory (default: $DOSSIER_ARCHIVE, else ./archive).")
    Path archive;

    Path dir() {
        if (archive != null) return archive;
        String env = System.getenv("DOSSIER_ARCHIVE");
        return Path.of(env == null || env.isBlank() ? "archive" : env);
    }
}
