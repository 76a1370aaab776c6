package dossier.index;

import static dossier.testutil.Trees.touchBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingested.txt, the list of files a re-run skips, holds every display path as one line whatever the name holds: a
 * file is skipped when, and only when, that very file was ingested.
 */
class IngestedNamesTest {
    @TempDir
    Path tmp;

    private static Ingest.Summary ingest(Archive a, Path dump) throws Exception {
        return new Ingest(new Ingest.Options(1, Limits.DEFAULT, 100, Ingest.Isolation.NONE))
                .run(a, List.of(dump), (f, b) -> Progress.silent());
    }

    private static List<String> sources(Archive a) throws Exception {
        return Manifest.read(a.manifest()).stream().map(Manifest.Entry::source).toList();
    }

    private static void write(Path dump, String name) throws Exception {
        Path p = dump.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "the file " + name + " of its own");
    }

    @Test
    void namesWithLineBreaksAreSkippedOnceIngestedAndHideNoOtherFile() throws Exception {
        Path dump = tmp.resolve("dump");
        write(dump, "cr\rname.txt");
        write(dump, "new\nline.txt");
        write(dump, "a\ndump/b.txt"); // written raw, its path was the lines "dump/a" and "dump/b.txt"
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        assertEquals(3, ingest(a, dump).files());
        List<String> first = sources(a);
        assertEquals(List.of("dump/a\ndump/b.txt", "dump/cr\rname.txt", "dump/new\nline.txt"), first);

        Ingest.Summary again = ingest(a, dump);
        assertEquals(0, again.files());
        assertEquals(3, again.skippedFiles());
        assertEquals(first, sources(a), "no new manifest line");

        write(dump, "new");
        write(dump, "b.txt");
        write(dump, "cr");
        assertEquals(3, ingest(a, dump).files());
        assertEquals(List.of("dump/a\ndump/b.txt", "dump/b.txt", "dump/cr", "dump/cr\rname.txt", "dump/new",
                "dump/new\nline.txt"), sources(a).stream().sorted().toList());
        assertEquals(List.of(), Problems.read(a.problems()));
    }

    @Test
    void namesThatAreNotUtf8AreRecordedApartAndNeverSkippedForEachOther() throws Exception {
        Path dump = tmp.resolve("dump");
        touchBytes(dump, "bad\\376utf8.txt", "bad\\377utf8.txt");
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        assertEquals(2, ingest(a, dump).documents());
        assertEquals(List.of("dump/bad\uFFFDFEutf8.txt", "dump/bad\uFFFDFFutf8.txt"), sources(a));

        touchBytes(dump, "bad\\372utf8.txt");
        Ingest.Summary added = ingest(a, dump);
        assertEquals(1, added.files());
        assertEquals(2, added.skippedFiles());
        assertEquals(List.of("dump/bad\uFFFDFEutf8.txt", "dump/bad\uFFFDFFutf8.txt", "dump/bad\uFFFDFAutf8.txt"),
                sources(a));
        assertEquals(List.of(1L, 2L, 3L), Manifest.read(a.manifest()).stream().map(Manifest.Entry::id).toList());
    }

    /**
     * An archive written before paths were escaped holds raw lines and no offset in its commit: they are read raw, and
     * what this run adds is read escaped, so neither a backslash in an old line nor one in a new line is misread.
     */
    @Test
    void rawLinesOfAnArchiveWrittenBeforeAreReadAsTheyWereWritten() throws Exception {
        Path dump = tmp.resolve("dump");
        write(dump, "back\\slash.txt");
        write(dump, "cr\rname.txt");
        write(dump, "plain.txt");
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        ingest(a, dump);
        asWrittenBeforeTheEscaping(a, List.of("dump/back\\slash.txt", "dump/cr\rname.txt", "dump/plain.txt"));
        List<String> before = sources(a);

        write(dump, "more\\back.txt");
        Ingest.Summary added = ingest(a, dump);
        assertEquals(1, added.files());
        assertEquals(3, added.skippedFiles());
        assertEquals(4, sources(a).size(), "the old files were not read again: " + sources(a));

        Ingest.Summary again = ingest(a, dump);
        assertEquals(0, again.files());
        assertEquals(before.size() + 1, sources(a).size());
    }

    /** What this archive's ingested.txt and commit would be had a Dossier that wrote raw lines built it. */
    private static void asWrittenBeforeTheEscaping(Archive a, List<String> paths) throws Exception {
        StringBuilder raw = new StringBuilder();
        for (String p : paths) raw.append(p).append('\n');
        Files.writeString(a.ingestedFiles(), raw, StandardCharsets.UTF_8);
        try (IndexWriter w = new IndexWriter(FSDirectory.open(a.indexDir()), new IndexWriterConfig())) {
            Map<String, String> data = new HashMap<>();
            try (DirectoryReader r = DirectoryReader.open(w)) {
                data.putAll(r.getIndexCommit().getUserData());
            }
            data.remove(ArchiveWriter.FILES_ESCAPED_FROM);
            data.put(ArchiveWriter.FILES, Long.toString(Files.size(a.ingestedFiles())));
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }
}
