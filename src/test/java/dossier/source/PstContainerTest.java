package dossier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import dossier.parse.Parser;
import com.pff.PSTFile;
import com.pff.PSTFolder;
import com.pff.PSTObject;
import dossier.testutil.Corpora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outlook PST files from java-libpst's and Tika's test data, checked against Debian's readpst. */
class PstContainerTest {
    private static final Pattern LOCATOR = Pattern.compile("#(/.*)?/(\\d+)$");
    private final Parser parser = new Parser(Limits.DEFAULT);

    @TempDir
    Path tmp;

    private static List<Path> psts() throws IOException {
        Path docs = Corpora.get("documents");
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(docs.resolve("pst"), docs.resolve("tika"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".pst")).sorted().forEach(found::add);
            }
        }
        return found;
    }

    @Test
    void everyPstItemIsOneEmailWithItsFolderPathAndPositionInTheLocator() throws Exception {
        List<Path> files = psts();
        assertTrue(files.size() >= 4, "psts: " + files);
        for (Path f : files) {
            Collected c = Collected.open(f, Limits.DEFAULT);
            String name = f.getFileName().toString();
            assertEquals(List.of(), c.problems, name);
            assertFalse(c.inputs.isEmpty(), name);
            for (RawInput in : c.inputs) {
                assertEquals(Hint.EMAIL, in.hint());
                assertTrue(in.source().startsWith(name + "#/"), in.source());
                assertTrue(LOCATOR.matcher(in.source()).find(), in.source());
            }
            assertEquals(c.inputs.size(), c.sources().stream().distinct().count(), "locators are unique: " + name);
        }
    }

    @Test
    void pstItemsMatchWhatReadpstFindsInCountAndEmailSubjects() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/readpst"));
        if (!installed && !"true".equals(System.getenv("CI"))) {
            System.err.println("readpst (Debian pst-utils) is not installed: PST cross-check skipped");
            assumeTrue(false);
        }
        for (Path f : psts()) {
            List<String> actual = new ArrayList<>();
            for (RawInput in : Collected.open(f, Limits.DEFAULT).inputs) actual.add(parser.parse(in).item().title());
            // readpst writes no distribution lists; dist-list.pst holds one, hand-checked in Outlook's terms.
            actual.remove("test dist list");
            // Every item readpst writes (mail, contacts as vCards, appointments as iCalendar), deleted ones too.
            List<String> all = readpst(f, "eacj");
            assertEquals(all.size(), actual.size(), f.getFileName() + ": readpst " + all + " vs " + actual);
            List<String> mails = readpst(f, "e");
            List<String> remaining = new ArrayList<>(actual);
            for (String subject : mails) assertTrue(remaining.remove(subject), f.getFileName() + ": " + subject + " in " + actual);
        }
    }

    @Test
    void tikaTestPstHoldsItsKnownMessagesWithBodiesAndSenders() throws Exception {
        Path f = Corpora.get("documents/tika/testPST.pst");
        TreeMap<String, ParseResult> bySubject = new TreeMap<>();
        for (RawInput in : Collected.open(f, Limits.DEFAULT).inputs) {
            ParseResult r = parser.parse(in);
            bySubject.put(r.item().title(), r);
        }
        assertEquals(7, bySubject.size(), bySubject.keySet().toString());
        assertTrue(bySubject.containsKey("Feature Generators"), bySubject.keySet().toString());
        ParseResult r = bySubject.get("Feature Generators");
        assertTrue(r.item().date() != null);
        assertFalse(r.item().text().isBlank());
    }

    /**
     * java-libpst prints "Unknown message type: IPM.Post" on stderr for each item of a class it does not know (notes,
     * posts, delivery reports) and hex dumps on stdout: none of it may reach the terminal or the JSON on stdout. The
     * fixture is testPST.pst with each {@code IPM.Note} made {@code IPM.Post}, written in the file's own encoding.
     */
    @Test
    void itemsOfAClassTheLibraryDoesNotKnowAreReadWithoutItsPrintsOnStdoutOrStderr() throws Exception {
        Path posts = Files.createDirectories(tmp.resolve("posts")).resolve("testPST.pst");
        byte[] bytes = Files.readAllBytes(Corpora.get("documents/tika/testPST.pst"));
        assertTrue(replaceEncoded(bytes, "IPM.Note", "IPM.Post") > 0);
        Files.write(posts, bytes);
        Collected notes = Collected.open(Corpora.get("documents/tika/testPST.pst"), Limits.DEFAULT);

        String printed = printedBy(() -> readEveryItem(new PSTFile(posts.toFile()).getRootFolder()));
        assertTrue(printed.contains("Unknown message type: IPM.Post"), "the fixture provokes the library: " + printed);

        Collected[] read = new Collected[1];
        assertEquals("", printedBy(() -> read[0] = Collected.open(posts, Limits.DEFAULT)));
        assertEquals(List.of(), read[0].problems);
        assertEquals(notes.sources(), read[0].sources());
    }

    /** Reads every item of {@code folder} and its subfolders (not search folders, which list items stored elsewhere) with the library alone. */
    private static void readEveryItem(PSTFolder folder) throws Exception {
        if (folder.getNodeType() == PSTObject.NID_TYPE_SEARCH_FOLDER) return;
        while (folder.getNextChild() != null) {
            // an item of a class the library does not know prints a line as it is read
        }
        if (folder.hasSubfolders()) for (PSTFolder sub : folder.getSubFolders()) readEveryItem(sub);
    }

    interface Code {
        void run() throws Exception;
    }

    /** What {@code code} printed on stdout and stderr, both. */
    private static String printedBy(Code code) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out0 = System.out, err0 = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            code.run();
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * Replaces each {@code from} with {@code to} (as long) as UTF-16 text in a PST of "compressible encryption", whose
     * blocks java-libpst decodes byte by byte through a table of its own; returns how many were replaced.
     */
    private static int replaceEncoded(byte[] pst, String from, String to) throws Exception {
        Field table = PSTObject.class.getDeclaredField("compEnc");
        table.setAccessible(true);
        int[] decode = (int[]) table.get(null);
        int[] encode = new int[256];
        for (int c = 0; c < 256; c++) encode[decode[c]] = c;
        byte[] f = from.getBytes(StandardCharsets.UTF_16LE), t = to.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < f.length; i++) {
            f[i] = (byte) encode[f[i] & 0xff];
            t[i] = (byte) encode[t[i] & 0xff];
        }
        int n = 0;
        for (int i = 0; i + f.length <= pst.length; i++) {
            if (Arrays.equals(pst, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, pst, i, t.length);
                n++;
            }
        }
        return n;
    }

    /**
     * The subject (mail) or summary/name (calendar, vCard) of every item readpst writes of the given types. {@code -j 0}:
     * no forked workers, which could still be writing when readpst itself has exited.
     */
    private List<String> readpst(Path pst, String types) throws Exception {
        Path out = Files.createTempDirectory(tmp, "readpst");
        Process p = new ProcessBuilder("readpst", "-q", "-j", "0", "-t", types, "-M", "-D", "-o", out.toString(), pst.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("readpst.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "readpst finished");
        List<String> subjects = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path file : s.filter(Files::isRegularFile).toList()) {
                subjects.add(subject(Files.readString(file, StandardCharsets.ISO_8859_1)));
            }
        }
        return subjects;
    }

    private static String subject(String message) {
        int end = message.indexOf("\n\n");
        String head = (end < 0 ? message : message.substring(0, end)).replaceAll("\r?\n[ \t]+", " ");
        Matcher m = Pattern.compile("(?m)^(?:Subject: ?|SUMMARY:|FN:)(.*)$").matcher(head);
        return m.find() ? DecoderUtil.decodeEncodedWords(m.group(1).strip(), DecodeMonitor.SILENT) : "";
    }
}
