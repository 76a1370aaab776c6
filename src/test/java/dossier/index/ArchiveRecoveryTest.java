package dossier.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed ingest leaves behind is never served and is cleaned up by the next run. */
class ArchiveRecoveryTest {
    @TempDir
    Path tmp;

    private Path dump() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        for (int i = 1; i <= 3; i++) Files.write(dump.resolve(i + ".eml"), HostileFiles.email("note" + i));
        return dump;
    }

    private static Ingest.Summary ingest(Archive a, Path dump) {
        try {
            return new Ingest(new Ingest.Options(1, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                    .run(a, List.of(dump), (f, b) -> Progress.silent());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void linesAfterTheLastCommitAreNotReadAndAreCutByTheNextIngest() throws Exception {
        Path dump = dump();
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        ingest(a, dump);
        byte[] manifest = Files.readAllBytes(a.manifest()), problems = Files.readAllBytes(a.problems());
        // What a kill -9 between two commits leaves: whole lines the index never committed.
        Files.writeString(a.problems(), "{\"path\":\"ghost\",\"stage\":\"parse\",\"reason\":\"uncommitted\"}\n",
                StandardOpenOption.APPEND);
        Files.writeString(a.manifest(), "1\temail\t" + "0".repeat(64) + "\t1\tghost\n", StandardOpenOption.APPEND);
        assertEquals(List.of(), Problems.read(a));
        assertEquals(java.util.Map.of(), Manifest.duplicates(a));

        ingest(a, dump); // nothing new to do, but the run opens the archive for writing
        assertArrayEquals(manifest, Files.readAllBytes(a.manifest()));
        assertArrayEquals(problems, Files.readAllBytes(a.problems()));
    }

    @Test
    void temporaryBlobsOfAKilledRunAreRemoved() throws Exception {
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        Path leftover = Files.createDirectories(a.blobsDir().resolve(".tmp")).resolve("4242-1");
        Files.write(leftover, new byte[] {1, 2, 3});
        ingest(a, dump());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void archiveKilledWhileBeingCreatedCanBeCreatedAgain() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("archive"));
        Files.writeString(dir.resolve(".archive.json.tmp"), "{\"na"); // killed mid-write
        Archive a = Archive.create(dir, "t");
        assertEquals(3, ingest(a, dump()).emails());
    }

    @Test
    void aSecondWriterIsRefusedWithoutTouchingTheFirstOnesLogs() throws Exception {
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        try (ArchiveWriter first = ArchiveWriter.open(a)) {
            // Longer than the log's buffer, so on disk at once, though not committed: a writer that rolled the logs
            // back to the last commit would cut it off.
            first.listingProblem(new Problem("d/" + "x".repeat(100_000), Problem.SOURCE, "symbolic link not followed"));
            long problems = Files.size(a.problems());
            assertTrue(problems > 100_000, "written through: " + problems);
            Archive.ArchiveException e = assertThrows(Archive.ArchiveException.class, () -> ArchiveWriter.open(a));
            assertEquals("another ingest is writing to " + a.dir() + " (the index is locked); let it finish, then run "
                    + "this one", e.getMessage());
            assertEquals(problems, Files.size(a.problems()), "the refused writer rolled no log back");
        }
    }

    @Test
    void listingProblemIsRecordedOnceAcrossReruns() throws Exception {
        Path dump = dump();
        Files.createSymbolicLink(dump.resolve("link.eml"), dump.resolve("1.eml"));
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        ingest(a, dump);
        ingest(a, dump);
        List<Problem> all = Problems.read(a.problems());
        assertEquals(1, all.stream().filter(p -> p.path().endsWith("link.eml")).count(), all.toString());
        assertEquals(1L, a.info().counts().get("problems"));
    }

    @Test
    void blobIsNeverVisibleHalfWritten() throws Exception {
        BlobStore blobs = new BlobStore(tmp.resolve("blobs"));
        byte[] bytes = "original".getBytes(StandardCharsets.UTF_8);
        String sha = dossier.enrich.Dedup.sha256(bytes);
        blobs.put(sha, bytes);
        assertArrayEquals(bytes, blobs.read(sha));
        try (var s = Files.list(tmp.resolve("blobs").resolve(".tmp"))) {
            assertTrue(s.findAny().isEmpty(), "the temporary was renamed into place");
        }
    }

    @Test
    void blobThatAPowerCutLeftShortIsWrittenAgain() throws Exception {
        BlobStore blobs = new BlobStore(tmp.resolve("blobs-short"));
        byte[] bytes = "the whole original".getBytes(StandardCharsets.UTF_8);
        String sha = dossier.enrich.Dedup.sha256(bytes);
        blobs.put(sha, bytes);
        Files.write(blobs.path(sha), new byte[0]); // renamed into place, data never reached the disk
        blobs.put(sha, bytes);
        assertArrayEquals(bytes, blobs.read(sha));
    }

    @Test
    void blobsAreFlushedWithTheSyncCommandOfThisSystem() throws Exception {
        BlobStore blobs = new BlobStore(tmp.resolve("blobs-sync"));
        byte[] bytes = "flushed".getBytes(StandardCharsets.UTF_8);
        blobs.put(dossier.enrich.Dedup.sha256(bytes), bytes);
        assertTrue(blobs.sync(), "sync --file-system (or sync) runs here");
        assertArrayEquals(bytes, blobs.read(dossier.enrich.Dedup.sha256(bytes)));
    }

    @Test
    void blobsWhoseFoldersShareABitOfTheFolderMapEachGetTheirFolder() throws Exception {
        BlobStore blobs = new BlobStore(tmp.resolve("blobs-folders"));
        // Folders 0001 and 0041 share the bit within their words of the map, 0001 and 0002 the word; 0001 twice.
        List<String> hashes = List.of("0001" + "a".repeat(60), "0041" + "a".repeat(60), "0002" + "a".repeat(60),
                "0101" + "a".repeat(60), "ffff" + "a".repeat(60), "0001" + "b".repeat(60));
        for (String sha : hashes) blobs.put(sha, sha.getBytes(StandardCharsets.UTF_8));
        for (String sha : hashes) assertArrayEquals(sha.getBytes(StandardCharsets.UTF_8), blobs.read(sha), sha);
        assertTrue(Files.isDirectory(tmp.resolve("blobs-folders").resolve("00").resolve("41")));
    }
}
