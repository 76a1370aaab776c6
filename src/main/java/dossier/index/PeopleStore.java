package dossier.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The people directory of an archive, written by the connections pass at the end of every ingest:
 *
 * <pre>
 * people/directory.jsonl  one {@link Summary} a line, most emails first: what /people lists, filters and sorts
 * people/details.jsonl    one {@link Details} a line, at the offset and length its summary gives: one person's page
 * </pre>
 *
 * The directory is small enough to load on first use; a person's details are one seek and one line. Both files are
 * replaced atomically. Reading is thread-safe; writing is done by the single ingest thread.
 */
public final class PeopleStore {
    private PeopleStore() {}

    static final ObjectMapper JSON = ArchiveJson.mapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    /**
     * One person in the directory. Dates are ISO-8601 instants or null.
     *
     * @param nameOnly names seen without any address (Lotus Notes), which are searched by their words
     * @param offset   where the person's {@link Details} line starts in details.jsonl
     */
    public record Summary(String key, String name, List<String> addresses, List<String> names, List<String> nameOnly,
                          boolean generic, long emails, long sent, long received, String first, String last,
                          long offset, int length) {}

    /** Someone a person exchanged emails with (either sending to the other), and how many emails. */
    public record Correspondent(String key, String name, long emails) {}

    /** A domain a person wrote to, and in how many of their sent emails. */
    public record DomainCount(String domain, long emails) {}

    /** What a person's page shows besides the summary: strongest correspondents, domains, emails per month. */
    public record Details(String key, List<Correspondent> correspondents, List<DomainCount> domains,
                          Map<String, Long> months) {}

    /** A person with both parts, as the pass builds them. */
    public record Person(Summary summary, Details details) {}

    public static Path dir(Archive archive) {
        return archive.dir().resolve("people");
    }

    /**
     * Writes both files, one person at a time, in the order given; the summaries' offsets are filled in here. Nothing
     * replaces the archive's directory until {@link #commit}; closing without it deletes what was written.
     *
     * <pre>{@code
     * try (PeopleStore.Writer w = PeopleStore.writer(archive)) {
     *     w.add(person);
     *     w.commit();
     * }
     * }</pre>
     */
    static Writer writer(Archive archive) {
        return new Writer(dir(archive));
    }

    /** Writes the two files of a directory; see {@link #writer}. Not thread-safe. */
    static final class Writer implements AutoCloseable {
        private final Path dir, details, directory;
        private final OutputStream detailsOut;
        private final BufferedWriter directoryOut;
        private long offset;
        private boolean committed;

        private Writer(Path dir) {
            this.dir = dir;
            details = dir.resolve("details.jsonl.tmp");
            directory = dir.resolve("directory.jsonl.tmp");
            OutputStream d = null;
            try {
                Files.createDirectories(dir);
                d = new java.io.BufferedOutputStream(Files.newOutputStream(details), 1 << 16);
                directoryOut = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(directory), StandardCharsets.UTF_8), 1 << 16);
                detailsOut = d;
            } catch (IOException e) {
                closeQuietly(d);
                throw failed(e);
            }
        }

        void add(Person p) {
            try {
                byte[] line = JSON.writeValueAsBytes(p.details());
                detailsOut.write(line);
                detailsOut.write('\n');
                Summary s = p.summary();
                directoryOut.write(JSON.writeValueAsString(new Summary(s.key(), s.name(), s.addresses(), s.names(),
                        s.nameOnly(), s.generic(), s.emails(), s.sent(), s.received(), s.first(), s.last(), offset, line.length)));
                directoryOut.write('\n');
                offset += line.length + 1;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Replaces the archive's directory with what was added. */
        void commit() {
            try {
                detailsOut.close();
                directoryOut.close();
                // Details first: a reader holding the old directory would find new offsets wrong only for a moment,
                // and the server reopens both together.
                Files.move(details, dir.resolve("details.jsonl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(directory, dir.resolve("directory.jsonl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            if (committed) return;
            closeQuietly(detailsOut);
            closeQuietly(directoryOut);
            try {
                Files.deleteIfExists(details);
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                // left for the next run to replace
            }
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("cannot write the people directory in " + dir, e);
        }

        private static void closeQuietly(java.io.Closeable c) {
            try {
                if (c != null) c.close();
            } catch (IOException e) {
                // closing after a failure that is already being reported
            }
        }
    }

    /** The directory, most emails first; empty when the archive has none yet. */
    public static List<Summary> readDirectory(Archive archive) {
        Path file = dir(archive).resolve("directory.jsonl");
        if (!Files.isRegularFile(file)) return List.of();
        List<Summary> out = new ArrayList<>();
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var reader = JSON.readerFor(Summary.class);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) out.add(reader.readValue(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** One person's details, read at the offset its summary gives. */
    public static Details readDetails(Archive archive, Summary s) {
        Path file = dir(archive).resolve("details.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] line = new byte[s.length()];
            f.seek(s.offset());
            f.readFully(line);
            return JSON.readValue(line, Details.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the details of " + s.key() + " in " + file, e);
        }
    }
}
