package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dossier.model.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's key tables live in files of the temporary folder, which it deletes however it ends. */
class ArchiveWriterKeyTablesTest {
    @TempDir
    Path tmp;

    private static long keyTableFiles() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("dossier-keys-")).count();
        }
    }

    @Test
    void closingWithoutCommitDeletesTheTables() throws Exception {
        long before = keyTableFiles();
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        ArchiveWriter writer = ArchiveWriter.open(archive);
        assertEquals(before + 3, keyTableFiles(), "sha256s, email keys and ingested files");
        writer.fileDone("dump/a.eml");
        writer.close(); // an ingest that stops half way
        assertEquals(before, keyTableFiles());
    }

    @Test
    void anOpenThatFailsDeletesTheTablesAndReleasesTheIndex() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.write(dump.resolve("a.eml"), HostileFiles.email("first"));
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        new Ingest(new Ingest.Options(1, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());
        try (IndexWriter w = new IndexWriter(FSDirectory.open(archive.indexDir()), new IndexWriterConfig())) {
            w.setLiveCommitData(Map.of(ArchiveWriter.SCHEMA, "0").entrySet()); // an index of another Dossier
            w.commit();
        }
        long before = keyTableFiles();
        assertThrows(Archive.ArchiveException.class, () -> ArchiveWriter.open(archive));
        assertEquals(before, keyTableFiles(), "no table left behind");
        // The failed open let go of the index's write lock.
        new IndexWriter(FSDirectory.open(archive.indexDir()), new IndexWriterConfig()).rollback();
    }
}
