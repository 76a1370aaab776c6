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
import dossier.testutil.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
