package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.model.Item;
import dossier.sample.SampleGenerator;
import dossier.search.Searcher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingest (a child JVM running {@code dossier ingest}, worker processes and all) with SIGKILL at several
 * moments, runs the same command again to the end, and compares the archive with one built without interruption:
 * the manifest, the problem log, the list of ingested files, the items in the index (id, sha256, source), the counts
 * in archive.json and the blobs must be the same, and no temporary file may be left behind.
 */
class KillAndResumeIT {
    @TempDir
    static Path tmp;
    static Path dump, reference;
    static long referenceMillis;

    @BeforeAll
    static void buildDumpAndReference() throws Exception {
        dump = tmp.resolve("dump");
        new SampleGenerator().generate(new SampleGenerator.SampleSpec(3000, 60, 7), dump, null);
        reference = tmp.resolve("reference");
        long t0 = System.nanoTime();
        Process p = ingest(reference);
        assertEquals(0, p.waitFor(), "the uninterrupted ingest succeeds");
        referenceMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Starts {@code dossier ingest} over the dump in a child JVM, committing every 150 items. Each run gets a temporary
     * folder of its own, as {@code ./dossier} gives it: a killed run leaves its deduplication tables there, and the
     * launcher's next run sweeps them; here they must not pile up in the shared /tmp.
     */
    static Process ingest(Path archive) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path runTmp = Files.createTempDirectory(tmp, "run-");
        List<String> cmd = List.of(java, "-Xmx1g", "-Djava.io.tmpdir=" + runTmp, "-cp", System.getProperty("java.class.path"),
                "dossier.cli.Main", "ingest", "--archive", archive.toString(), "--threads", "2",
                "--commit-every", "150", "--format", "json", dump.toString());
        Path log = tmp.resolve(archive.getFileName() + ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** Starts an ingest, kills it with SIGKILL (and checks its workers go too) once {@code when} holds. */
    static void killWhen(Path archive, BooleanSupplier when) throws Exception {
        Process p = ingest(archive);
        while (!when.getAsBoolean()) {
            assertTrue(p.isAlive(), "the ingest ended before it could be killed: make the dump bigger");
            Thread.sleep(2);
        }
        List<ProcessHandle> workers = p.descendants().toList();
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        p.waitFor();
        for (ProcessHandle w : workers) {
            w.onExit().get(15, TimeUnit.SECONDS); // orphaned workers notice and end on their own
        }
    }

    static void resume(Path archive) throws Exception {
        Process p = ingest(archive);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "the resumed ingest succeeds; log: " + tmp.resolve(archive.getFileName() + ".log"));
    }

    /** Number of Lucene commits so far (segments_N files are kept one at a time: N grows). */
    static long commitGeneration(Path archive) {
        try (Stream<Path> s = Files.list(archive.resolve("index"))) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segments_"))
                    .mapToLong(n -> Long.parseLong(n.substring(9), Character.MAX_RADIX)).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void killedBeforeTheFirstCommitThenResumedEqualsUninterrupted() throws Exception {
        Path a = tmp.resolve("early");
        killWhen(a, () -> Files.exists(a.resolve("archive.json")));
        resume(a);
        assertSameArchive(reference, a);
    }

    @Test
    void killedRightAfterACommitThenResumedEqualsUninterrupted() throws Exception {
        Path a = tmp.resolve("after-commit");
        killWhen(a, () -> commitGeneration(a) >= 4);
        resume(a);
        assertSameArchive(reference, a);
    }

    @Test
    void killedTwiceMidwayThenResumedEqualsUninterrupted() throws Exception {
        Path a = tmp.resolve("twice");
        long t0 = System.nanoTime();
        killWhen(a, () -> (System.nanoTime() - t0) / 1_000_000 > referenceMillis * 2 / 5);
        long t1 = System.nanoTime();
        killWhen(a, () -> (System.nanoTime() - t1) / 1_000_000 > referenceMillis / 3);
        resume(a);
        assertSameArchive(reference, a);
    }

    static void assertSameArchive(Path expected, Path actual) throws Exception {
        for (String f : List.of("manifest.tsv", "problems.jsonl", "ingested.txt")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
        assertEquals(Archive.open(expected).info().counts(), Archive.open(actual).info().counts(), "archive.json counts");
        assertEquals(items(expected), items(actual), "items in the index");
        assertEquals(files(expected.resolve("blobs")), files(actual.resolve("blobs")), "blobs");
        try (Stream<Path> s = Files.walk(actual)) {
            List<String> temporaries = s.map(p -> actual.relativize(p).toString())
                    .filter(n -> n.contains(".tmp") && !n.equals("blobs/.tmp")).toList();
            assertEquals(List.of(), temporaries, "temporary files left behind");
        }
    }

    /** Every item as "id sha256 source", sorted. */
    static Set<String> items(Path archive) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Searcher s = Searcher.open(Archive.open(archive))) {
            List<Long> ids = s.ids(new MatchAllDocsQuery(), 1_000_000);
            for (long id : ids) {
                Item it = s.item(id).orElseThrow();
                out.add(it.id() + " " + it.sha256() + " " + it.source());
            }
            assertFalse(ids.isEmpty());
        }
        return out;
    }

    static List<String> files(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
        }
        out.sort(null);
        return out;
    }
}
