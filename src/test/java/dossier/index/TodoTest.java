package dossier.index;

import static dossier.testutil.Trees.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.source.SourceFile;
import dossier.source.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files an ingest reads: counted by one walk, handed over by another, less those already in the archive. Here one
 * thread plays writer and reader: the reader's "before waiting" walks on, as the writer would.
 */
class TodoTest {
    @TempDir Path dir;
    private final Sources sources = new Sources(Limits.DEFAULT);
    /** Display paths in the archive, as the writer would answer. */
    private final Set<String> ingested = new HashSet<>();


    /** Reads every file as the reader would; each is marked ingested at once, as the writer does when it is done. */
    private List<String> readAll(Todo todo) throws Exception {
        List<String> read = new ArrayList<>();
        for (SourceFile f; (f = todo.next(todo::topUp)) != null; ) {
            read.add(f.display());
            ingested.add(f.display());
        }
        return read;
    }

    @Test
    void filesAlreadyIngestedAreSkippedAndCounted() throws Exception {
        for (int i = 0; i < 1000; i++) touch(dir.resolve("d"), String.format("%02d/%04d", i % 7, i));
        for (int i = 0; i < 1000; i += 3) ingested.add(String.format("d/%02d/%04d", i % 7, i));
        Todo todo = new Todo(sources, List.of(dir.resolve("d")), ingested::contains);
        Todo.Count count = todo.count(p -> {});
        assertEquals(new Todo.Count(666, 666 * 7, 334), count);
        List<String> read = readAll(todo);
        assertEquals(666, read.size());
        assertEquals(read.stream().sorted().toList(), read);
        assertEquals(334, todo.skipped());
    }

    @Test
    void theSameDisplayPathUnderTwoRootsIsReadTwiceThoughTheFirstWasJustIngested() throws Exception {
        // a/mail/x ends the first walk-ahead (4 chunks of 256), so b/mail/x is looked at after a/mail/x was ingested.
        for (int i = 0; i < 1022; i++) touch(dir.resolve("a/mail"), String.format("%04d", i));
        touch(dir.resolve("a/mail"), "x");
        touch(dir.resolve("b/mail"), "x", "y", "0000");
        Todo todo = new Todo(sources, List.of(dir.resolve("a/mail"), dir.resolve("b/mail")), ingested::contains);
        assertEquals(new Todo.Count(1026, 1022 * 4 + 1 + 1 + 1 + 4, 0), todo.count(p -> {}));
        List<String> read = readAll(todo);
        assertEquals(1026, read.size());
        assertEquals(List.of("mail/0000", "mail/0000", "mail/0001"), read.subList(0, 3));
        assertEquals(List.of("mail/1021", "mail/x", "mail/x", "mail/y"), read.subList(1022, 1026));
    }

    @Test
    void theSecondWalkIsTheTruthAndReportsProblemsThatAppearedSinceTheFirst() throws Exception {
        touch(dir.resolve("d"), "gone", "kept");
        Files.createSymbolicLink(dir.resolve("d/link"), dir.resolve("d/kept"));
        Todo todo = new Todo(sources, List.of(dir.resolve("d")), ingested::contains);
        List<Problem> problems = new ArrayList<>();
        assertEquals(new Todo.Count(2, 8, 0), todo.count(problems::add));
        assertEquals(List.of(new Problem("d/link", Problem.SOURCE, "symbolic link not followed")), problems);
        Files.delete(dir.resolve("d/gone"));
        touch(dir.resolve("d"), "new");
        Files.createSymbolicLink(dir.resolve("d/link2"), dir.resolve("d/kept"));
        assertEquals(List.of("d/kept", "d/new"), readAll(todo));
        // The writer keeps one problem per path (ArchiveWriter.listingProblem): d/link comes from both walks.
        assertEquals(List.of(new Problem("d/link", Problem.SOURCE, "symbolic link not followed"),
                new Problem("d/link", Problem.SOURCE, "symbolic link not followed"),
                new Problem("d/link2", Problem.SOURCE, "symbolic link not followed")), problems);
    }

    @Test
    void aRootGoneBeforeTheSecondWalkIsRecordedAndStopsNothing() throws Exception {
        touch(dir.resolve("a"), "1");
        touch(dir.resolve("b"), "2");
        Todo todo = new Todo(sources, List.of(dir.resolve("a"), dir.resolve("b")), ingested::contains);
        List<Problem> problems = new ArrayList<>();
        assertEquals(new Todo.Count(2, 2, 0), todo.count(problems::add));
        Files.delete(dir.resolve("b/2"));
        Files.delete(dir.resolve("b"));
        assertEquals(List.of("a/1"), readAll(todo));
        assertEquals(List.of(new Problem("b", Problem.SOURCE, "cannot read: file vanished while reading")), problems);
    }

    @Test
    void anEmptyDumpEnds() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Todo todo = new Todo(sources, List.of(dir.resolve("empty")), ingested::contains);
        assertEquals(new Todo.Count(0, 0, 0), todo.count(p -> {}));
        assertEquals(List.of(), readAll(todo));
        assertEquals(null, todo.next(todo::topUp));
    }
}
