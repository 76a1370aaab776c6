package dossier.parse.isolation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary folder of one run of {@code dossier}. Tika spools inputs (office files, PDFs, images) to temporary
 * files and Tesseract writes its output beside them, in the JVM's {@code java.io.tmpdir}; a parse abandoned by the
 * watchdog, or a JVM killed mid-file, left them in the shared /tmp for good ({@code apache-tika-*.tmp} and
 * {@code .tmp.txt} files, from {@code --isolation none} and from tests). The JVM reads {@code java.io.tmpdir} once at
 * start, so no code can move Tika's files later: the launcher gives each run a folder of its own,
 * {@code $TMPDIR/dossier-run-PID}, and this class deletes it when the run ends and sweeps those of runs that died.
 * Worker processes have folders of their own inside it.
 */
public final class RunFolder {
    private RunFolder() {}

    static final String PREFIX = "dossier-run-";

    /**
     * When {@code java.io.tmpdir} is this process's run folder: deletes it when the JVM exits, and now deletes the
     * run folders of processes that are gone. Otherwise (a JVM not started by the launcher) does nothing.
     */
    public static void adopt() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!isRunFolder(tmp) || pid(tmp) != ProcessHandle.current().pid()) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Worker.deleteTree(tmp), "run-folder-cleanup"));
        sweep(tmp.getParent(), PREFIX);
    }

    /** The machine's shared temporary folder: the parent of a run folder, else {@code java.io.tmpdir}. */
    static Path shared() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return isRunFolder(tmp) && tmp.getParent() != null ? tmp.getParent() : tmp;
    }

    private static boolean isRunFolder(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().startsWith(PREFIX) && pid(dir) > 0;
    }

    private static long pid(Path dir) {
        try {
            return Long.parseLong(dir.getFileName().toString().substring(PREFIX.length()).split("-")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Deletes the folders (or files) in {@code parent} named {@code prefix + PID + ...} whose process is gone (killed
     * without cleaning up, or a power loss). A folder whose process id has been reused waits for that process to end.
     */
    static void sweep(Path parent, String prefix) {
        if (parent == null) return;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path d : dirs) {
                String[] parts = d.getFileName().toString().substring(prefix.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (pid == ProcessHandle.current().pid()) continue;
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                } catch (NumberFormatException e) {
                    continue; // not ours
                }
                Worker.deleteTree(d);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable temporary folder: nothing to sweep
        }
    }
}
