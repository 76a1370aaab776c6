package dossier.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An archive directory (DESIGN 2): {@code archive.json}, {@code index/}, {@code blobs/}, {@code manifest.tsv},
 * {@code problems.jsonl}. Knows where each part lives and reads and writes {@code archive.json}; refuses a format it
 * does not know.
 */
public final class Archive {
    /**
     * The archive format this build writes. 2: an email's plain body is stored once, in the text field, and the
     * {@code participant} field is gone; a Dossier that reads only version 1 would show such emails without a body, so
     * it must refuse them. This build reads versions {@value #OLDEST_FORMAT} to {@value #FORMAT}; appending to an older
     * archive first marks it with this version ({@link #upgradeFormat}).
     */
    public static final int FORMAT = 2;
    /** The oldest format this build reads: version 1 stored the body in each email's detail, which is still read. */
    public static final int OLDEST_FORMAT = 1;

    static final ObjectMapper JSON = ArchiveJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path dir;

    private Archive(Path dir) {
        this.dir = dir;
    }

    /** Opens an existing archive for reading; a clear error when it is missing or of an unknown version. */
    public static Archive open(Path dir) {
        Path json = dir.resolve("archive.json");
        if (!Files.isRegularFile(json)) {
            throw new ArchiveException("no archive at " + dir + " (archive.json is missing); build one with 'dossier ingest'");
        }
        Archive a = new Archive(dir);
        a.checkFormat();
        return a;
    }

    /** Opens an archive for ingest, creating the directory and its layout when new. */
    public static Archive create(Path dir, String name) {
        try {
            if (Files.isRegularFile(dir.resolve("archive.json"))) return open(dir);
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ArchiveException(dir + " is not a directory");
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                        throw new ArchiveException(dir + " exists, is not empty and holds no archive.json: refusing to write into it");
                    }
                }
            }
            // archive.json first: a run killed before it exists leaves only hidden files, which the next run accepts.
            Files.createDirectories(dir);
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) syncDirectory(parent);
            Archive a = new Archive(dir);
            a.writeInfo(new Info(name, Map.of(), null));
            Files.createDirectories(dir.resolve("blobs"));
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create archive at " + dir, e);
        }
    }

    public Path dir() { return dir; }
    public Path indexDir() { return dir.resolve("index"); }
    public Path blobsDir() { return dir.resolve("blobs"); }
    public Path manifest() { return dir.resolve("manifest.tsv"); }
    public Path problems() { return dir.resolve("problems.jsonl"); }
    /**
     * Top-level files already ingested, one display path a line (escaped as in the manifest): what makes re-runs
     * resume and skip.
     */
    public Path ingestedFiles() { return dir.resolve("ingested.txt"); }
    public Path policyDir() { return dir.resolve("policy"); }

    /**
     * Opens a log (manifest.tsv, problems.jsonl) for reading up to the length the last index commit recorded: lines
     * after it belong to an ingest still running, or to one that was killed and whose next run cuts them off.
     */
    public InputStream openCommitted(Path log) throws IOException {
        String key = log.equals(manifest()) ? ArchiveWriter.MANIFEST
                : log.equals(problems()) ? ArchiveWriter.PROBLEMS : null;
        InputStream in = Files.newInputStream(log);
        Map<String, String> data = Map.of();
        try (Directory d = FSDirectory.open(indexDir())) {
            if (key != null && DirectoryReader.indexExists(d)) data = SegmentInfos.readLatestCommit(d).getUserData();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        String length = data.get(key);
        if (length == null) return in;
        long limit = Long.parseLong(length);
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }

    /** What archive.json says. */
    public record Info(String name, Map<String, Long> counts, String updated) {}

    /** Reads archive.json. */
    public Info info() {
        try {
            JsonNode n = JSON.readTree(dir.resolve("archive.json").toFile());
            Map<String, Long> counts = new LinkedHashMap<>();
            n.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return new Info(n.path("name").asText(""), counts, n.path("updated").asText(null));
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + dir.resolve("archive.json") + ": " + e.getMessage());
        }
    }

    /**
     * Writes archive.json atomically and durably: the new file's bytes reach the disk before the rename that puts them
     * in place, and the rename before this returns. Without the first, a power cut soon after the archive was made
     * could leave an empty archive.json, which no later run could open (bench/power-cut found it).
     */
    public void writeInfo(Info info) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", info.name());
        n.put("format", FORMAT);
        n.put("generator", "dossier " + Version.DOSSIER);
        n.put("schema", Schema.VERSION);
        n.put("updated", info.updated() == null ? Instant.now().toString() : info.updated());
        ObjectNode counts = n.putObject("counts");
        info.counts().forEach(counts::put);
        ObjectNode build = n.putObject("build");
        build.put("lucene", org.apache.lucene.util.Version.LATEST.toString());
        build.put("java", Runtime.version().toString());
        try {
            Path tmp = dir.resolve(".archive.json.tmp");
            JSON.writeValue(tmp.toFile(), n);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, dir.resolve("archive.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write archive.json", e);
        }
    }

    /**
     * Makes a folder's entries (a file just renamed into it) durable. Linux syncs a folder opened for reading; where a
     * system refuses to open a folder as a file, its next sync of the file system does it instead.
     */
    static void syncDirectory(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Not every system can sync a folder this way; the next commit's sync of the file system covers it.
        }
    }

    /** The format version archive.json gives. */
    public int format() {
        try {
            return JSON.readTree(dir.resolve("archive.json").toFile()).path("format").asInt(-1);
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + dir.resolve("archive.json") + ": " + e.getMessage());
        }
    }

    /**
     * Marks an archive of an older format with this build's before anything is added to it, so that an older Dossier
     * refuses it instead of misreading the new items; the counts and date stay as they were.
     */
    void upgradeFormat() {
        if (format() < FORMAT) writeInfo(info());
    }

    private void checkFormat() {
        try {
            JsonNode n = JSON.readTree(dir.resolve("archive.json").toFile());
            int format = n.path("format").asInt(-1);
            if (format < OLDEST_FORMAT || format > FORMAT) {
                throw new ArchiveException("archive " + dir + " has format version " + (format < 0 ? "(none)" : format)
                        + ", but this Dossier reads versions " + OLDEST_FORMAT + " to " + FORMAT
                        + (format > FORMAT ? "; upgrade Dossier" : ""));
            }
        } catch (IOException e) {
            throw new ArchiveException("archive.json in " + dir + " is not valid JSON: " + e.getMessage());
        }
    }

    /** An archive that cannot be opened or written, with a message for the user. */
    public static final class ArchiveException extends RuntimeException {
        public ArchiveException(String message) {
            super(message);
        }
    }
}
