package dossier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import dossier.testutil.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the sources over the real third-party corpora in ../shared/corpora. */
class SourcesCorpusTest {
    private final Sources sources = new Sources(Limits.DEFAULT);

    /** A From_ line as the test sees it (sender, asctime date), written independently of the code under test. */
    private static final Pattern FROM_LINE = Pattern.compile("From \\S+( at \\S+)?[ \\t]+(?i:(mon|tue|wed|thu|fri|sat|sun)"
            + "[ \\t]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[ \\t]+\\d{1,2}[ \\t]+\\d{1,2}:\\d\\d(:\\d\\d)?[ \\t]+"
            + "([+-]\\d{4}[ \\t]+|[A-Za-z]{1,6}[ \\t]+)?\\d{4}([ \\t].*)?");

    private List<SourceFile> list(Path root) {
        List<Problem> problems = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        sources.list(List.of(root), problems::add).forEach(files::add);
        assertEquals(List.of(), problems);
        return files;
    }

    @Test
    void enronMaildirListsEveryFileAndEachIsOneEmail() throws Exception {
        Path root = Corpora.get("enron-maildir");
        List<SourceFile> files = list(root);
        long onDisk;
        try (var walk = Files.walk(root)) {
            onDisk = walk.filter(Files::isRegularFile).count();
        }
        assertEquals(onDisk, files.size());
        int emails = 0;
        for (SourceFile f : files) {
            if (f.display().endsWith("SOURCE.md")) continue;
            Collected c = new Collected();
            sources.open(f, c);
            assertEquals(List.of(), c.problems, f.display());
            assertEquals(1, c.inputs.size(), f.display());
            RawInput in = c.inputs.get(0);
            assertEquals(f.display(), in.source());
            assertEquals(Hint.EMAIL, in.hint(), f.display());
            assertEquals(f.size(), in.bytes().length);
            emails++;
        }
        assertTrue(emails > 5000, "emails: " + emails);
    }

    @Test
    void mboxFilesInNastyMimeSplitIntoOneMessagePerFromLine() throws Exception {
        Path root = Corpora.get("nasty-mime");
        int mailboxes = 0;
        for (SourceFile f : list(root)) {
            String name = f.display();
            if (!name.endsWith(".mbox") && !name.endsWith(".mbox.txt") && !name.endsWith("/mbox.rlug")) continue;
            Collected c = new Collected();
            sources.open(f, c);
            TreeSet<Integer> numbers = new TreeSet<>();
            c.inputs.forEach(i -> numbers.add(number(i.source())));
            c.problems.forEach(p -> numbers.add(number(p.path())));
            int expected = countSeparators(Files.readAllBytes(f.path()));
            numbers.remove(0);
            assertEquals(expected, numbers.size(), name + " " + c.problems);
            if (expected > 0) assertEquals(expected, numbers.last(), name);
            assertTrue(c.inputs.stream().allMatch(i -> i.hint() == Hint.EMAIL), name);
            mailboxes++;
        }
        assertTrue(mailboxes >= 80, "mailboxes: " + mailboxes);
    }

    @Test
    void knownMailboxesHaveTheirKnownMessageCounts() {
        // Counted by hand with grep -c '^From ' and read through.
        Map<String, Integer> known = Map.of(
                "mime4j-mbox/test-1/mbox.rlug", 5,
                "patchwork/series/revision-basic.mbox", 6,
                "patchwork/series/base-different-versions.mbox", 5,
                "ponymail/users_ponymail_apache_org_2022-01.mbox", 6,
                "tika-mail/complex.mbox", 3,
                "patchwork/fuzz/codec-null.mbox", 1,
                "patchwork/mail/0008-git-rename.mbox", 1);
        for (var e : new TreeMap<>(known).entrySet()) {
            Path file = Corpora.get("nasty-mime/" + e.getKey());
            Collected c = Collected.open(file, Limits.DEFAULT);
            assertEquals(e.getValue(), c.inputs.size(), e.getKey() + " " + c.problems);
        }
    }

    @Test
    void everyFileOfNastyMimeIsAccountedFor() throws Exception {
        accountFor(Corpora.get("nasty-mime"));
    }

    @Test
    void everyFileOfTheSpamAssassinCorpusIsAccountedForAndEveryMessageIsAnEmail() throws Exception {
        Map<Hint, Integer> hints = accountFor(Corpora.get("spamassassin-public-corpus"));
        assertEquals(null, hints.get(Hint.FILE), "only SOURCE.md is not a message: " + hints);
    }

    /** Opens every file under root and checks each yields at least one input or problem under its own path. */
    private Map<Hint, Integer> accountFor(Path root) {
        Map<Hint, Integer> hints = new TreeMap<>();
        for (SourceFile f : list(root)) {
            Collected c = new Collected();
            sources.open(f, c);
            String prefix = f.display() + "#";
            assertFalse(c.inputs.isEmpty() && c.problems.isEmpty(), f.display());
            for (RawInput in : c.inputs) {
                assertTrue(in.source().equals(f.display()) || in.source().startsWith(prefix), in.source());
                if (!f.display().endsWith("SOURCE.md")) hints.merge(in.hint(), 1, Integer::sum);
            }
            for (Problem p : c.problems) {
                assertTrue(p.path().equals(f.display()) || p.path().startsWith(prefix), p.path());
            }
        }
        return hints;
    }

    private static int number(String source) {
        return Integer.parseInt(source.substring(source.lastIndexOf('#') + 1));
    }

    /** Separators: the first line if it starts with "From ", then every From_ line, an empty line before it or not. */
    /**
     * A bare "From - " followed by a mail store's first field (Netscape's mailboxes: mimekit's content-length.mbox.txt
     * holds one before "Return-Path:" in its middle and two before "Message-ID:", simple.mbox.txt two before "From:", each a
     * real message start).
     */
    private static boolean bareBeforeStoreHeader(String[] lines, int i) {
        return lines[i].matches("From -[ \t]*") && i + 1 < lines.length
                && lines[i + 1].matches("(?i)(x-mozilla-status2?|x-mozilla-keys|x-account-key|x-uidl|return-path|received"
                        + "|delivered-to|from|message-id):.*");
    }

    private static int countSeparators(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 ? lines[0].replaceFirst("^\u00ef\u00bb\u00bf", "") : lines[i];
            if (i == 0 ? line.startsWith("From ") : FROM_LINE.matcher(line).matches() || bareBeforeStoreHeader(lines, i)) {
                count++;
            }
        }
        return count;
    }
}
