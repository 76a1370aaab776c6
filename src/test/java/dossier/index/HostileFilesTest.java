package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.parse.isolation.HostileParsers;
import dossier.search.Searcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest, with worker-process isolation and strict limits (15 s per file: the machine may be busy), over a
 * folder of hostile files, each followed by an ordinary email with a word of its own. Every hostile file must end as a problem with a clear reason,
 * and the email after it must be searchable: the run went on. The whole ingest must end in bounded time.
 */
class HostileFilesTest {
    @TempDir
    static Path tmp;

    static final Limits LIMITS = new Limits(Limits.STRICT.maxFileBytes(), Limits.STRICT.maxDepth(),
            Limits.STRICT.maxEntries(), Limits.STRICT.maxExpansion(), Limits.STRICT.maxTextChars(),
            Limits.STRICT.maxHeaderBytes(), Duration.ofSeconds(15));
    static final String CANARY = "escaped-" + UUID.randomUUID() + ".txt";

    static Path dump, archiveDir;
    static Searcher searcher;
    static List<Problem> problems;
    static double seconds;
    /** Hostile file name to the word in the email filed right after it. */
    static final Map<String, String> followers = new LinkedHashMap<>();

    @BeforeAll
    static void ingestTheHostileFolder() throws Exception {
        HostileParsers.register();
        dump = Files.createDirectories(tmp.resolve("hostile"));
        write("bomb.zip", HostileFiles.nestedZipBomb(3, 20, 64 << 20)); // 26 GB of zeros in ~1.3 MB
        write("traversal.zip", HostileFiles.traversalZip(CANARY));
        write("laughs.xml", HostileFiles.billionLaughsXml());
        write("laughs.docx", HostileFiles.docx(HostileFiles.wordDocument(
                HostileFiles.BILLION_LAUGHS_DTD.replace("lolz", "w:document"), "&lol9;")));
        write("xxe.xml", HostileFiles.xxeXml("xxeplain"));
        write("xxe.docx", HostileFiles.docx(HostileFiles.wordDocument(
                "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n", "xxedocx &xxe;")));
        write("nest.eml", HostileFiles.nestedMessage(300));
        write("header.eml", HostileFiles.hugeHeaderLine(20 << 20));
        write("truncated.pdf", HostileFiles.truncatedPdf());
        write("fields.eml", HostileFiles.hugeFields(36_000, "hugefieldscanary"));
        write("longname.eml", HostileFiles.longAttachmentName(36_000, "longnamecanary"));
        write("empty.txt", new byte[0]);
        write("stuck.hang", "DOSSIER-HANG".getBytes(StandardCharsets.US_ASCII));
        write("greedy.oom", "DOSSIER-OOM".getBytes(StandardCharsets.US_ASCII));
        archiveDir = tmp.resolve("archive");
        Archive archive = Archive.create(archiveDir, "hostile");
        long t0 = System.nanoTime();
        new Ingest(new Ingest.Options(2, LIMITS, 1000, Ingest.Isolation.PROCESS))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());
        seconds = (System.nanoTime() - t0) / 1e9;
        searcher = Searcher.open(Archive.open(archiveDir));
        problems = Problems.read(archive.problems());
    }

    @AfterAll
    static void close() throws IOException {
        if (searcher != null) searcher.close();
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Files.write(dump.resolve(name), bytes);
        String word = "follower" + name.replaceAll("[^a-z]", "");
        followers.put(name, word);
        Files.write(dump.resolve(name + "~next.eml"), HostileFiles.email(word));
    }

    /** The problems recorded for a file (its path or anything inside it). */
    private static List<Problem> problemsOf(String name) {
        String path = "hostile/" + name;
        return problems.stream().filter(p -> p.path().equals(path) || p.path().startsWith(path + "#")).toList();
    }

    private static void assertProblem(String name, String stage, String reasonPart) throws Exception {
        List<Problem> found = problemsOf(name);
        assertTrue(found.stream().anyMatch(p -> p.stage().equals(stage) && p.reason().contains(reasonPart)),
                name + ": expected a " + stage + " problem with \"" + reasonPart + "\", got " + found);
        assertEquals(1, searcher.count(followers.get(name)), "the email after " + name + " is searchable");
    }

    @Test
    void wholeHostileFolderIsIngestedInBoundedTime() {
        // Bounds, not a benchmark: 26 GB of zeros, a hang, an OOM and the rest must not take minutes.
        assertTrue(seconds < 300, "ingest took " + seconds + " s");
        assertEquals(followers.size(), followers.values().stream().filter(w -> {
            try {
                return searcher.count(w) == 1;
            } catch (Exception e) {
                return false;
            }
        }).count());
    }

    @Test
    void headersPastLucenesTermAndFacetLimitsAreIndexedNotFatal() throws Exception {
        assertEquals(1, searcher.count("hugefieldscanary"), "the email itself is searchable: " + problemsOf("fields.eml"));
        assertEquals(1, searcher.count("attached words"), "and its attachment");
        assertEquals(1, searcher.count(followers.get("fields.eml")), "the run went on");
        // (Terms past Lucene's limit are indexed as their digest; no query can name them, being at most 10,000 long.)
    }

    @Test
    void anAttachmentNamedWithTensOfThousandsOfLettersIsIndexed() throws Exception {
        // Its name was one word past Lucene's term limit, and the refused document stopped the whole ingest.
        assertEquals(1, searcher.count("kind:attachment longnamecanary"));
        assertEquals(1, searcher.count("filename:txt longnamecanary"), "found by the words of its name");
        assertEquals(1, searcher.count(followers.get("longname.eml")), "the run went on");
    }

    @Test
    void nestedZipBombStopsAtTheExpansionLimit() throws Exception {
        assertProblem("bomb.zip", Problem.LIMIT, "expand");
    }

    @Test
    void zipEntriesThatClimbOutAreReadUnderSafeNamesAndNothingIsWrittenOutside() throws Exception {
        assertProblem("traversal.zip", Problem.SOURCE, "unsafe entry name");
        assertEquals(1, searcher.count("ordinary"), "the zip's ordinary entry is read");
        for (Path root : List.of(tmp.getParent(), Path.of(System.getProperty("java.io.tmpdir")),
                Path.of("").toAbsolutePath(), Path.of("/tmp"))) {
            try (Stream<Path> s = Files.walk(root, 4)) {
                assertFalse(s.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(CANARY)),
                        "a file named " + CANARY + " appeared under " + root);
            } catch (java.io.UncheckedIOException unreadable) {
                // other users' folders in /tmp: what we cannot read, we could not have written either
            }
        }
    }

    @Test
    void billionLaughsXmlEndsAsAnExtractionProblem() throws Exception {
        assertProblem("laughs.xml", Problem.EXTRACT, "");
    }

    @Test
    void billionLaughsInsideADocxEndsAsAnExtractionProblem() throws Exception {
        assertProblem("laughs.docx", Problem.EXTRACT, "");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        assertEquals(0, searcher.count("root"), "nothing from /etc/passwd is searchable");
        assertEquals(0, searcher.count("bash"), "nothing from /etc/passwd is searchable");
        for (long id : searcher.ids(new MatchAllDocsQuery(), 10_000)) {
            String text = searcher.item(id).orElseThrow().text();
            assertFalse(text != null && text.contains("root:"), "item " + id + " holds /etc/passwd: " + text);
        }
        assertEquals(1, searcher.count(followers.get("xxe.xml")));
        assertEquals(1, searcher.count(followers.get("xxe.docx")));
    }

    @Test
    void messageNested300DeepStopsAtTheDepthLimit() throws Exception {
        assertProblem("nest.eml", Problem.LIMIT, "message nested deeper than " + LIMITS.maxDepth());
        assertTrue(searcher.count("layer") >= 1, "the outer messages are kept");
    }

    @Test
    void twentyMegabyteHeaderLineIsCutAtTheHeaderLimit() throws Exception {
        assertProblem("header.eml", Problem.LIMIT, "cut at " + LIMITS.maxHeaderBytes());
    }

    @Test
    void truncatedPdfEndsAsAnExtractionProblem() throws Exception {
        assertProblem("truncated.pdf", Problem.EXTRACT, "");
    }

    @Test
    void emptyFileIsAProblem() throws Exception {
        assertProblem("empty.txt", Problem.SOURCE, "empty file");
    }

    @Test
    void parserThatHangsIsStoppedAtTheTimeLimit() throws Exception {
        assertProblem("stuck.hang", Problem.EXTRACT, "parser timed out after 15 s");
    }

    @Test
    void parserThatExhaustsItsHeapIsStoppedAndTheRunGoesOn() throws Exception {
        assertProblem("greedy.oom", Problem.EXTRACT, "parser ran out of memory");
    }

    @Test
    void everyProblemNamesAFileOfTheDump() {
        List<String> stray = new ArrayList<>();
        for (Problem p : problems) if (!p.path().startsWith("hostile/")) stray.add(p.path());
        assertEquals(List.of(), stray);
    }
}
