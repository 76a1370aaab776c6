package dossier.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipContainerTest {
    @TempDir Path dir;

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object v = nameThenBytes[i + 1];
            m.put((String) nameThenBytes[i], v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v);
        }
        return m;
    }

    private Collected open(String name, byte[] bytes, Limits limits) throws IOException {
        return Collected.open(dir, name, bytes, limits);
    }

    @Test
    void entriesComeInCentralDirectoryOrderWithTheirNames() throws Exception {
        Collected c = open("docs.zip", zip(entries("q3/plan.txt", "plan", "a.txt", "a", "q3/", "")), Limits.DEFAULT);
        assertEquals(List.of("docs.zip#q3/plan.txt", "docs.zip#a.txt"), c.sources());
        assertEquals(List.of("plan.txt", "a.txt"), c.inputs.stream().map(RawInput::name).toList());
        assertEquals(List.of(), c.problems);
    }

    @Test
    void zipIsRecognisedByItsBytesWhateverItsName() throws Exception {
        Collected c = open("backup.dat", zip(entries("x.txt", "x")), Limits.DEFAULT);
        assertEquals(List.of("backup.dat#x.txt"), c.sources());
    }

    @Test
    void nestedContainersGetChainedLocators() throws Exception {
        byte[] mbox = ("From a@b Tue Jan  1 00:00:00 2002\nSubject: 1\n\nx\n\n"
                + "From a@b Tue Jan  1 00:00:00 2002\nSubject: 2\n\ny\n").getBytes(StandardCharsets.US_ASCII);
        byte[] inner = zip(entries("c.eml", "Subject: c\n\nbody\n"));
        Collected c = open("a.zip", zip(entries("in.zip", inner, "box.mbox", mbox, "d/e.txt", "e")), Limits.DEFAULT);
        assertEquals(List.of("a.zip#in.zip#c.eml", "a.zip#box.mbox#1", "a.zip#box.mbox#2", "a.zip#d/e.txt"), c.sources());
        assertEquals(List.of(Hint.EMAIL, Hint.EMAIL, Hint.EMAIL, Hint.FILE),
                c.inputs.stream().map(RawInput::hint).toList());
    }

    @Test
    void entriesClimbingOutAreReadUnderSanitisedLocatorsAndNothingIsWritten() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        byte[] evil = zip(entries("../../etc/evil", "pwned", "/abs/root.txt", "abs", "a/../../b.txt", "b",
                "C:\\win\\c.txt", "c"));
        Collected c = Collected.open(work, "evil.zip", evil, Limits.DEFAULT);
        assertEquals(List.of("evil.zip#etc/evil", "evil.zip#abs/root.txt", "evil.zip#a/b.txt", "evil.zip#win/c.txt"),
                c.sources());
        assertEquals("pwned", c.text(0));
        assertEquals(4, c.problems.size());
        assertTrue(c.problems.stream().allMatch(p -> p.reason().startsWith("unsafe entry name")), c.problems.toString());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir, work, work.resolve("evil.zip")), all.sorted().toList());
        }
        assertFalse(Files.exists(Path.of("/etc/evil")));
    }

    @Test
    void nestedZipBombEndsAsAProblemQuickly() throws Exception {
        byte[] zeros = new byte[64 << 20];
        byte[] bomb = zip(entries("zeros.bin", zeros));
        byte[] outer = zip(entries("readme.txt", "hi", "bomb.zip", bomb));
        assertTrue(bomb.length < 200_000, "ratio over 300");
        Collected c = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> open("outer.zip", outer, Limits.STRICT));
        assertEquals(List.of("outer.zip#readme.txt"), c.sources());
        assertEquals(1, c.problems.size());
        Problem p = c.problems.get(0);
        assertEquals("outer.zip#bomb.zip#zeros.bin", p.path());
        assertEquals(Problem.LIMIT, p.stage());
        assertTrue(p.reason().contains("expands more than 50 times"), p.reason());
    }

    @Test
    void expansionBudgetBoundsManyEntriesThatEachStayUnderTheRatio() throws Exception {
        // Each entry stays under the 1 MiB floor the ratio check starts at; together they pass ten times 1 MiB.
        Limits limits = new Limits(64L << 20, 8, 10_000, 10, 1000, 1000, Duration.ofSeconds(5));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) many.put("z" + i, new byte[(1 << 20) - 1]);
        Collected c = open("many.zip", zip(many), limits);
        assertTrue(c.inputs.size() < 40, "budget stops unpacking: " + c.inputs.size());
        assertTrue(c.problems.stream().anyMatch(p -> p.reason().startsWith("unpacking stopped")), c.problems.toString());
    }

    @Test
    void entryLargerThanTheLimitIsAProblem() throws Exception {
        Limits limits = new Limits(1000, 8, 100, 1000, 1000, 1000, Duration.ofSeconds(5));
        Collected c = open("big.zip", zip(entries("big.txt", "x".repeat(5000), "ok.txt", "ok")), limits);
        assertEquals(List.of("big.zip#ok.txt"), c.sources());
        assertEquals(List.of(new Problem("big.zip#big.txt", Problem.LIMIT, "entry larger than 1000 bytes")), c.problems);
    }

    @Test
    void entriesPastTheLimitBecomeOneProblem() throws Exception {
        Limits limits = new Limits(1000, 8, 2, 1000, 1000, 1000, Duration.ofSeconds(5));
        Collected c = open("n.zip", zip(entries("1", "a", "2", "b", "3", "c", "4", "d")), limits);
        assertEquals(List.of("n.zip#1", "n.zip#2"), c.sources());
        assertEquals(1, c.problems.size());
        assertEquals(Problem.LIMIT, c.problems.get(0).stage());
    }

    @Test
    void aZipInsideAnotherYieldsAHundredThousandEntriesAtMostAndOnItsOwnAMillion() throws Exception {
        // Its reader holds an index of every entry while the containers inside are read: nested million-entry zips
        // would each hold hundreds of MB at once.
        Map<String, byte[]> many = new LinkedHashMap<>();
        byte[] one = {'x'};
        for (int i = 0; i <= Limits.NESTED_INDEXED_ENTRIES; i++) many.put("e" + i, one);
        byte[] inner = zip(many);
        Collected alone = open("many.zip", inner, Limits.DEFAULT);
        assertEquals(Limits.NESTED_INDEXED_ENTRIES + 1, alone.inputs.size());
        assertEquals(List.of(), alone.problems);
        Collected nested = open("outer.zip", zip(entries("many.zip", inner)), Limits.DEFAULT);
        assertEquals(Limits.NESTED_INDEXED_ENTRIES, nested.inputs.size());
        assertEquals(List.of(new Problem("outer.zip#many.zip", Problem.LIMIT,
                "more than " + Limits.NESTED_INDEXED_ENTRIES + " entries; the rest were not read")), nested.problems);
    }

    @Test
    void containersNestedTooDeepAreAProblem() throws Exception {
        byte[] z = zip(entries("leaf.txt", "leaf"));
        for (int i = 0; i < 4; i++) z = zip(entries("z" + i + ".zip", z));
        Limits limits = new Limits(1 << 20, 3, 100, 1000, 1000, 1000, Duration.ofSeconds(5));
        Collected c = open("deep.zip", z, limits);
        assertEquals(List.of(), c.inputs);
        assertEquals(List.of(new Problem("deep.zip#z3.zip#z2.zip#z1.zip", Problem.LIMIT, "containers nested deeper than 3")),
                c.problems);
    }

    @Test
    void encryptedEntryIsAProblemAndStillAnItemWithItsName() throws Exception {
        // Writers refuse to set the encryption flag without encrypting, so set bit 0 of the flags by hand.
        byte[] zip = zip(entries("secret.txt", "not really encrypted"));
        for (int k = 0; k + 4 <= zip.length; k++) {
            if (zip[k] != 'P' || zip[k + 1] != 'K') continue;
            if (zip[k + 2] == 3 && zip[k + 3] == 4) zip[k + 6] |= 1;
            if (zip[k + 2] == 1 && zip[k + 3] == 2) zip[k + 8] |= 1;
        }
        Collected c = open("locked.zip", zip, Limits.DEFAULT);
        assertEquals(List.of(new Problem("locked.zip#secret.txt", Problem.SOURCE,
                "encrypted zip entry: password-protected, content not read")), c.problems);
        assertEquals(List.of("locked.zip#secret.txt"), c.sources());
        assertEquals(RawInput.Hint.UNREAD, c.inputs.get(0).hint());
        assertEquals("secret.txt", c.inputs.get(0).name());
    }

    @Test
    void officeDocumentsAreKeptWholeNotUnpacked() throws Exception {
        byte[] docx = zip(entries("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        byte[] odt = zip(entries("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"));
        Collected c = open("pack.zip", zip(entries("plan.docx", docx, "notes.odt", odt)), Limits.DEFAULT);
        assertEquals(List.of("pack.zip#plan.docx", "pack.zip#notes.odt"), c.sources());
        assertEquals(docx.length, c.inputs.get(0).bytes().length);
        Collected top = open("report.docx", docx, Limits.DEFAULT);
        assertEquals(List.of("report.docx"), top.sources());
        assertEquals(Hint.FILE, top.inputs.get(0).hint());
    }

    @Test
    void emptyZipIsAccountedFor() throws Exception {
        Collected empty = open("empty.zip", zip(entries()), Limits.DEFAULT);
        assertEquals(List.of(new Problem("empty.zip", Problem.SOURCE, "empty zip")), empty.problems);
    }

    @Test
    void truncatedZipIsReadInStreamOrderAndReported() throws Exception {
        byte[] whole = zip(entries("a.txt", "aaaa", "b.txt", "bbbb", "c.txt", "cccc"));
        int third = indexOf(whole, "c.txt".getBytes(StandardCharsets.US_ASCII)) - 30;
        Collected c = open("cut.zip", java.util.Arrays.copyOf(whole, third + 10), Limits.DEFAULT);
        assertEquals(List.of("cut.zip#a.txt", "cut.zip#b.txt"), c.sources());
        assertTrue(c.problems.get(0).reason().startsWith("zip index unreadable"), c.problems.toString());
    }

    @Test
    void bombInADamagedZipEndsAsAProblemQuickly() throws Exception {
        byte[] whole = zip(entries("zeros.bin", new byte[256 << 20], "after.txt", "x"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        Collected c = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> open("cut.zip", cut, Limits.STRICT));
        assertEquals(List.of(), c.inputs);
        assertEquals(Problem.LIMIT, c.problems.get(1).stage(), c.problems.toString());
        assertEquals("cut.zip#zeros.bin", c.problems.get(1).path());
        assertEquals("the rest of the damaged zip was not read: entry 1 gives its size only after its data, so it cannot"
                + " be skipped (0 entries read before it)", c.problems.get(2).reason());
    }

    @Test
    void damagedDocumentIsStillOneDocument() throws Exception {
        byte[] docx = zip(entries("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        byte[] cut = java.util.Arrays.copyOf(docx, docx.length / 2);
        Collected c = open("report.docx", cut, Limits.DEFAULT);
        assertEquals(List.of("report.docx"), c.sources());
        assertEquals(List.of(), c.problems);
    }

    @Test
    void garbageAfterZipMagicIsAProblemAndKeptUnread() throws Exception {
        byte[] junk = "PK\u0003\u0004 this is not a zip at all".getBytes(StandardCharsets.ISO_8859_1);
        Collected c = open("junk.zip", junk, Limits.DEFAULT);
        assertEquals(List.of("junk.zip"), c.sources(), "its original is kept, to download");
        assertEquals(RawInput.Hint.UNREAD, c.inputs.get(0).hint());
        assertArrayEquals(junk, c.inputs.get(0).bytes());
        assertEquals(1, c.problems.size());
        assertTrue(c.problems.get(0).reason().startsWith("cannot read zip"), c.problems.toString());
    }

    @Test
    void directoryEntryThatHoldsDataIsReadAsAFileNamedWithoutTheSlash() throws Exception {
        byte[] z = zip(entries("notes/", "hidden in a folder entry", "notes/a.txt", "a", "empty/", ""));
        Collected c = open("d.zip", z, Limits.DEFAULT);
        assertEquals(List.of("d.zip#notes", "d.zip#notes/a.txt"), c.sources());
        assertEquals("notes", c.inputs.get(0).name());
        assertEquals("hidden in a folder entry", c.text(0));
        assertEquals(List.of(), c.problems);
    }

    @Test
    void directoryEntryThatHoldsDataIsReadInADamagedZipToo() throws Exception {
        byte[] whole = zip(entries("notes/", "hidden in a folder entry", "empty/", "", "a.txt", "a", "b.txt", "b"));
        byte[] cut = java.util.Arrays.copyOf(whole, indexOf(whole, "b.txt".getBytes(StandardCharsets.US_ASCII)) - 20);
        Collected c = open("cut.zip", cut, Limits.DEFAULT);
        assertEquals(List.of("cut.zip#notes", "cut.zip#a.txt"), c.sources());
        assertEquals("hidden in a folder entry", c.text(0));
        assertTrue(c.problems.get(0).reason().startsWith("zip index unreadable"), c.problems.toString());
    }

    @Test
    void entryWhoseHeaderClaimsFourGigabytesIsReadForWhatItHolds() throws Exception {
        byte[] z = zip(entries("liar.txt", "small but claims 4 GB", "ok.txt", "ok"));
        int central = indexOf(z, new byte[] {'P', 'K', 1, 2});
        for (int i = 0; i < 4; i++) z[central + 24 + i] = (byte) 0xff; // uncompressed size: 4 GiB - 1
        Collected c = open("lie.zip", z, Limits.DEFAULT);
        assertEquals(List.of("lie.zip#liar.txt", "lie.zip#ok.txt"), c.sources());
        assertEquals("small but claims 4 GB", c.text(0));
    }

    @Test
    void entryPackedLargerThanTheLimitIsRefusedByItsHeaderAndTheNextIsRead() throws Exception {
        Limits limits = new Limits(1000, 8, 100, 1000, 1000, 1000, Duration.ofSeconds(5));
        byte[] random = new byte[5000];
        new java.util.Random(1).nextBytes(random);
        Collected c = open("big.zip", zip(entries("random.bin", random, "ok.txt", "ok")), limits);
        assertEquals(List.of("big.zip#ok.txt"), c.sources());
        assertEquals(List.of(new Problem("big.zip#random.bin", Problem.LIMIT, "entry larger than 1000 bytes")), c.problems);
    }

    @Test
    void entriesRefusedInADamagedZipDoNotEndTheEntriesAfterThem() throws Exception {
        Limits limits = new Limits(1000, 8, 100, 1000, 1000, 1000, Duration.ofSeconds(5));
        byte[] random = new byte[5000];
        new java.util.Random(1).nextBytes(random);
        byte[] z = zipWithSizes(entries("a.txt", "a", "big.bin", random, "locked.txt", "secret", "lzma.bin", "packed",
                "z.txt", "z"));
        int locked = indexOf(z, "locked.txt".getBytes(StandardCharsets.US_ASCII)) - 30;
        z[locked + 6] |= 1; // encrypted
        int lzma = indexOf(z, "lzma.bin".getBytes(StandardCharsets.US_ASCII)) - 30;
        z[lzma + 8] = 14; // compression method LZMA, which the stream reader cannot read
        byte[] cut = java.util.Arrays.copyOf(z, indexOf(z, new byte[] {'P', 'K', 1, 2})); // cut before its index
        Collected c = open("d.zip", cut, limits);
        assertEquals(List.of("d.zip#a.txt", "d.zip#locked.txt", "d.zip#z.txt"), c.sources(), c.problems.toString());
        assertEquals("z", c.text(2));
        assertTrue(c.problems.get(0).reason().startsWith("zip index unreadable"), c.problems.toString());
        assertEquals(List.of(new Problem("d.zip#big.bin", Problem.LIMIT, "entry larger than 1000 bytes"),
                new Problem("d.zip#locked.txt", Problem.SOURCE, "encrypted zip entry: password-protected, content not read"),
                new Problem("d.zip#lzma.bin", Problem.SOURCE, "unsupported compression method LZMA")),
                c.problems.subList(1, c.problems.size()));
    }

    @Test
    void entryInADamagedZipThatCannotBeSkippedEndsItWithAProblemSayingSo() throws Exception {
        // java.util.zip gives a deflated entry's sizes only in a data descriptor after its data.
        byte[] whole = zip(entries("a.txt", "a", "secret.txt", "not really encrypted", "b.txt", "b"));
        int secret = indexOf(whole, "secret.txt".getBytes(StandardCharsets.US_ASCII)) - 30;
        whole[secret + 6] |= 1;
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        Collected c = open("cut.zip", cut, Limits.DEFAULT);
        assertEquals(List.of("cut.zip#a.txt", "cut.zip#secret.txt"), c.sources());
        assertEquals(List.of(new Problem("cut.zip#secret.txt", Problem.SOURCE,
                        "encrypted zip entry: password-protected, content not read"),
                new Problem("cut.zip", Problem.SOURCE, "the rest of the damaged zip was not read: entry 2 gives its size"
                        + " only after its data, so it cannot be skipped (1 entry read before it)")),
                c.problems.subList(1, c.problems.size()));
    }

    /** A zip whose local headers carry the sizes (written with random access), so a stream reader can skip entries. */
    private static byte[] zipWithSizes(Map<String, byte[]> entries) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(channel)) {
            for (var e : entries.entrySet()) {
                z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
