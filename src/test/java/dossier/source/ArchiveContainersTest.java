package dossier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import dossier.testutil.Corpora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tar, gzip, bzip2, xz and 7z, written by the test itself, plus Tika's archive test files. */
class ArchiveContainersTest {
    @TempDir
    Path dir;

    private static final byte[] MBOX = ("From a@x.org Mon Jan  1 00:00:00 2001\nFrom: a@x.org\nSubject: one\n\nbody\n\n"
            + "From b@x.org Mon Jan  1 00:00:00 2001\nFrom: b@x.org\nSubject: two\n\nbody\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void tarEntriesAreItemsAndNestedContainersRecurse() throws Exception {
        byte[] tar = tar("dir/file.txt", utf8("hello"), "in.zip", zip("c.txt", utf8("inner")), "box.mbox", MBOX);
        Collected c = Collected.open(dir, "a.tar", tar, Limits.DEFAULT);
        assertEquals(List.of(), c.problems);
        assertEquals(List.of("a.tar#dir/file.txt", "a.tar#in.zip#c.txt", "a.tar#box.mbox#1", "a.tar#box.mbox#2"),
                c.sources());
        assertEquals("hello", c.text(0));
        assertEquals("file.txt", c.inputs.get(0).name());
    }

    @Test
    void gzipHoldingATarIsReadAsTheTarWithTheSameLocatorForm() throws Exception {
        byte[] tar = tar("dir/file.txt", utf8("hello"), "notes.txt", utf8("notes"));
        for (String name : List.of("a.tar.gz", "a.tgz")) {
            Collected c = Collected.open(dir, name, gzip(tar), Limits.DEFAULT);
            assertEquals(List.of(), c.problems, name);
            assertEquals(List.of(name + "#dir/file.txt", name + "#notes.txt"), c.sources());
        }
    }

    @Test
    void singleCompressedFilesAreTheFileTheyHoldUnderTheirOwnName() throws Exception {
        Collected bz = Collected.open(dir, "notes.txt.bz2", bzip2(utf8("plain notes")), Limits.DEFAULT);
        assertEquals(List.of("notes.txt.bz2"), bz.sources());
        assertEquals("notes.txt", bz.inputs.get(0).name());
        assertEquals("plain notes", bz.text(0));

        Collected xz = Collected.open(dir, "box.mbox.xz", xz(MBOX), Limits.DEFAULT);
        assertEquals(List.of("box.mbox.xz#1", "box.mbox.xz#2"), xz.sources());
        assertTrue(xz.inputs.stream().allMatch(i -> i.hint() == Hint.EMAIL));

        Collected gz = Collected.open(dir, "report.gz", gzip(utf8("report")), Limits.DEFAULT);
        assertEquals(List.of("report.gz"), gz.sources());
        assertEquals("report", gz.inputs.get(0).name());
    }

    @Test
    void aCompressedFileCutShortOrWithJunkAfterItGivesWhatCameBefore() throws Exception {
        byte[] tar = tar("m0.txt", utf8("zero"), "m1.txt", utf8("one"), "m2.txt", utf8("two"));
        byte[] packed = gzip(tar);
        byte[] junk = Arrays.copyOf(packed, packed.length + 8);
        System.arraycopy(utf8("JUNKJUNK"), 0, junk, packed.length, 8);
        Collected trailing = Collected.open(dir, "junk.tar.gz", junk, Limits.DEFAULT);
        assertEquals(List.of("junk.tar.gz#m0.txt", "junk.tar.gz#m1.txt", "junk.tar.gz#m2.txt"), trailing.sources(),
                trailing.problems.toString());
        assertEquals(1, trailing.problems.size(), trailing.problems.toString());
        assertTrue(trailing.problems.get(0).reason().startsWith("cannot read gzip past " + tar.length + " unpacked bytes: "),
                trailing.problems.toString());

        byte[] text = utf8("line of a long report\n".repeat(20_000));
        byte[] cut = Arrays.copyOf(bzip2(text), 4_000);
        Collected half = Collected.open(dir, "report.txt.bz2", cut, Limits.DEFAULT);
        assertEquals(List.of("report.txt.bz2"), half.sources(), half.problems.toString());
        assertTrue(half.text(0).startsWith("line of a long report\n"));
        assertTrue(half.problems.get(0).reason().startsWith("cannot read bzip2 past "), half.problems.toString());

        byte[] notGzip = utf8("..not gzip at all");
        notGzip[0] = 0x1f;
        notGzip[1] = (byte) 0x8b;
        Collected fake = Collected.open(dir, "fake.gz", notGzip, Limits.DEFAULT);
        assertEquals(List.of("fake.gz"), fake.sources(), "nothing unpacked: the file itself is kept, unread");
        assertEquals(Hint.UNREAD, fake.inputs.get(0).hint());
        assertTrue(fake.problems.get(0).reason().startsWith("cannot read gzip: "), fake.problems.toString());
    }

    @Test
    void sevenZipEntriesAreItemsInArchiveOrder() throws Exception {
        Collected c = Collected.open(sevenZ("a.7z", "docs/b.txt", "bee", "a.txt", "ay"), Limits.DEFAULT);
        assertEquals(List.of(), c.problems);
        assertEquals(List.of("a.7z#docs/b.txt", "a.7z#a.txt"), c.sources());
        assertEquals("bee", c.text(0));
    }

    @Test
    void gzipBombEndsAsALimitProblemAfterAtMostTheCap() throws Exception {
        // 400 MB of zeros packs to about 400 KB: far past the expansion ratio, and past the size limit of STRICT.
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(packed, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) gz.write(zeros);
        }
        byte[] bomb = packed.toByteArray();
        for (Limits limits : List.of(Limits.DEFAULT, Limits.STRICT)) {
            Collected c = Collected.open(dir, "bomb.gz", bomb, limits);
            assertEquals(List.of(), c.inputs);
            assertEquals(1, c.problems.size(), c.problems.toString());
            assertEquals(Problem.LIMIT, c.problems.get(0).stage());
            assertEquals("bomb.gz", c.problems.get(0).path());
        }
        // The same bomb in a tar in a gzip: the budget of the top-level file stops it too.
        Collected nested = Collected.open(dir, "nested.tgz", gzip(tar("bomb.gz", bomb)), Limits.DEFAULT);
        assertEquals(List.of(), nested.inputs);
        assertEquals(Problem.LIMIT, nested.problems.get(0).stage(), nested.problems.toString());
    }

    @Test
    void tarEntriesThatClimbOutOrLinkElsewhereAreReported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            add(tar, "../../evil.txt", utf8("evil"));
        }
        Collected c = Collected.open(dir, "t.tar", bytes.toByteArray(), Limits.DEFAULT);
        assertEquals(List.of("t.tar#evil.txt"), c.sources());
        assertEquals(List.of("t.tar#passwd", "t.tar#evil.txt"), c.problems.stream().map(Problem::path).toList());
        assertTrue(c.problems.get(0).reason().contains("not followed"), c.problems.toString());
    }

    @Test
    void tarCutAtAnEntryBoundaryOrInAHeaderKeepsWhatCameBeforeAndIsAProblem() throws Exception {
        // Five entries of one header block and one data block each, then the two zero blocks and the padding.
        byte[] whole = tar("m0.txt", utf8("zero"), "m1.txt", utf8("one"), "m2.txt", utf8("two"), "m3.txt", utf8("three"),
                "m4.txt", utf8("four"));
        record Cut(String name, int length, List<String> sources, String reason) {}
        for (Cut cut : List.of(
                new Cut("boundary.tar", 1024, List.of("m0.txt"),
                        "ends without its end-of-archive blocks after 1 entry"),
                new Cut("header.tar", 1024 + 300, List.of("m0.txt"), "ends in the middle of a header after 1 entry"),
                new Cut("padding.tar", 512 + 100, List.of("m0.txt"), "ends before its next header after 1 entry"),
                new Cut("no-end.tar", 5 * 1024, List.of("m0.txt", "m1.txt", "m2.txt", "m3.txt", "m4.txt"),
                        "ends without its end-of-archive blocks after 5 entries"),
                new Cut("cut.tar.gz", 2048, List.of("m0.txt", "m1.txt"),
                        "ends without its end-of-archive blocks after 2 entries"))) {
            byte[] bytes = Arrays.copyOf(whole, cut.length());
            Collected c = Collected.open(dir, cut.name(), cut.name().endsWith(".gz") ? gzip(bytes) : bytes, Limits.DEFAULT);
            assertEquals(cut.sources().stream().map(s -> cut.name() + "#" + s).toList(), c.sources(), cut.name());
            assertEquals(List.of(new Problem(cut.name(), Problem.SOURCE,
                    "truncated tar: it " + cut.reason() + " (any later ones are lost)")), c.problems, cut.name());
        }
        // One zero block instead of two is a known writer quirk, not a cut (GNU tar reads it with a warning).
        Collected lone = Collected.open(dir, "lone.tar", Arrays.copyOf(whole, 5 * 1024 + 512), Limits.DEFAULT);
        assertEquals(5, lone.inputs.size());
        assertEquals(List.of(), lone.problems);
    }

    @Test
    void tarEntryCutShortKeepsWhatTheTarHoldsWhateverItsHeaderClaims() throws Exception {
        String text = "a line of the entry\n".repeat(500); // 10,000 bytes
        byte[] whole = tar("a.txt", utf8("first"), "liar.txt", utf8(text), "later.txt", utf8("later"));
        record Cut(String name, long claim, int length, String kept) {}
        for (Cut cut : List.of(
                new Cut("liar.tar", 4L << 30, 1536 + 10_000, text),
                new Cut("honest.tar", 10_000, 1536 + 3_000, text.substring(0, 3_000)))) {
            byte[] bytes = Arrays.copyOf(whole, cut.length());
            claimSize(bytes, 1024, cut.claim());
            Collected c = Collected.open(dir, cut.name(), bytes, Limits.DEFAULT);
            assertEquals(List.of(cut.name() + "#a.txt", cut.name() + "#liar.txt"), c.sources(), c.problems.toString());
            assertEquals(cut.kept(), c.text(1));
            assertEquals(List.of(
                    new Problem(cut.name() + "#liar.txt", Problem.SOURCE, "truncated entry: it claims " + cut.claim()
                            + " bytes and the tar ends after " + cut.kept().length() + "; those are read"),
                    new Problem(cut.name(), Problem.SOURCE,
                            "truncated tar: it ends in the middle of entry 2 (any later ones are lost)")), c.problems);
        }
    }

    @Test
    void tarEntryLargerThanTheLimitIsRefusedWhetherItsTarIsWholeOrCut() throws Exception {
        Limits limits = new Limits(1000, 8, 100, 1000, 1000, 1000, Duration.ofSeconds(5));
        byte[] whole = tar("big.bin", new byte[5000], "ok.txt", utf8("ok"));
        Collected c = Collected.open(dir, "big.tar", whole, limits);
        assertEquals(List.of("big.tar#ok.txt"), c.sources());
        assertEquals(List.of(new Problem("big.tar#big.bin", Problem.LIMIT, "entry larger than 1000 bytes")), c.problems);

        // A header that claims more than the tar holds is read up to the limit, never more.
        byte[] cut = Arrays.copyOf(whole, 512 + 3000);
        claimSize(cut, 0, 4L << 30);
        Collected liar = Collected.open(dir, "liar.tar", cut, limits);
        assertEquals(List.of(), liar.inputs);
        assertEquals(List.of(new Problem("liar.tar#big.bin", Problem.LIMIT, "larger than 1000 bytes unpacked"),
                new Problem("liar.tar", Problem.SOURCE,
                        "truncated tar: it ends in the middle of entry 1 (any later ones are lost)")), liar.problems);
    }

    @Test
    void tarFolderEntryThatHoldsDataIsReadAsAFileNamedWithoutTheSlash() throws Exception {
        // Written as files, then made folders: a folder type ('5'), and an old-style name ending in '/' (type '0').
        byte[] t = tar("notesXX", utf8("hidden in a folder entry"), "notes/a.txt", utf8("a"), "oldXX",
                utf8("old-style folder with data"), "later.txt", utf8("later"));
        retype(t, 0, '5', "notes");
        retype(t, 2048, '0', "old/");
        ByteArrayOutputStream withEmpty = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(withEmpty)) {
            tar.putArchiveEntry(new TarArchiveEntry("empty/"));
            tar.closeArchiveEntry();
        }
        byte[] empty = Arrays.copyOf(withEmpty.toByteArray(), 512);
        byte[] bytes = new byte[t.length + 512];
        System.arraycopy(empty, 0, bytes, 0, 512);
        System.arraycopy(t, 0, bytes, 512, t.length);
        Collected c = Collected.open(dir, "d.tar", bytes, Limits.DEFAULT);
        assertEquals(List.of(), c.problems);
        assertEquals(List.of("d.tar#notes", "d.tar#notes/a.txt", "d.tar#old", "d.tar#later.txt"), c.sources());
        assertEquals("notes", c.inputs.get(0).name());
        assertEquals("hidden in a folder entry", c.text(0));
        assertEquals("old-style folder with data", c.text(2));
    }

    @Test
    void sevenZipFolderEntryThatHoldsDataIsReadAsAFileNamedWithoutTheSlash() throws Exception {
        Path file = sevenZ("d.7z", "notes/", "hidden in a folder entry", "notes/a.txt", "a", "empty/", "");
        Collected c = Collected.open(file, Limits.DEFAULT);
        assertEquals(List.of(), c.problems);
        assertEquals(List.of("d.7z#notes", "d.7z#notes/a.txt"), c.sources());
        assertEquals("notes", c.inputs.get(0).name());
        assertEquals("hidden in a folder entry", c.text(0));
    }

    @Test
    void sevenZipEmptyFileIsAccountedForAsInAZipOrTar() throws Exception {
        Collected c = Collected.open(sevenZ("e.7z", "empty.txt", "", "a.txt", "a", "folder/", ""), Limits.DEFAULT);
        assertEquals(List.of("e.7z#a.txt"), c.sources());
        assertEquals(List.of(new Problem("e.7z#empty.txt", Problem.SOURCE, "empty file")), c.problems);
    }

    @Test
    void encryptedArchivesAndEntriesAreProblemsAndStillItems() throws Exception {
        Path tika = Corpora.get("documents/tika");
        // Entries encrypted, names readable: each entry an encrypted item.
        Collected sevenZ = Collected.open(tika.resolve("test7Z_protected_passTika.7z"), Limits.DEFAULT);
        assertTrue(!sevenZ.inputs.isEmpty() && sevenZ.inputs.stream().allMatch(i -> i.hint() == Hint.UNREAD),
                sevenZ.sources() + " " + sevenZ.problems);
        assertEquals(sevenZ.inputs.size(), sevenZ.problems.size());
        assertTrue(sevenZ.problems.stream().allMatch(p -> p.reason().startsWith("encrypted")), sevenZ.problems.toString());
        // Names encrypted too: the archive itself is the encrypted item.
        Collected full = Collected.open(tika.resolve("full_encrypted.7z"), Limits.DEFAULT);
        assertEquals(List.of("full_encrypted.7z"), full.sources());
        assertEquals(Hint.UNREAD, full.inputs.get(0).hint());
        assertTrue(full.problems.get(0).reason().startsWith("encrypted"));
        // A zip with encrypted entries.
        Collected zip = Collected.open(tika.resolve("testZipEncrypted.zip"), Limits.DEFAULT);
        assertTrue(zip.inputs.stream().anyMatch(i -> i.hint() == Hint.UNREAD && i.bytes().length > 0), zip.sources().toString());
        assertTrue(zip.problems.stream().anyMatch(p -> p.reason().startsWith("encrypted")));
    }

    @Test
    void tikaArchiveTestFilesAreUnpacked() throws Exception {
        Path tika = Corpora.get("documents/tika");
        for (String name : List.of("test-documents.tar", "test-documents.tgz", "test-documents.7z",
                "testTAR_no_magic.tar")) {
            Collected c = Collected.open(tika.resolve(name), Limits.DEFAULT);
            assertTrue(c.inputs.size() >= 1, name + " " + c.problems);
            assertTrue(c.sources().stream().allMatch(s -> s.startsWith(name + "#")), c.sources().toString());
            assertEquals(List.of(), c.problems.stream().filter(p -> p.stage().equals(Problem.SOURCE)
                    && p.path().equals(name)).toList(), name);
        }
        // Tika's gzip bomb test (TIKA-216): tgz files inside a tgz that expand far beyond the ratio.
        Collected bombs = Collected.open(tika.resolve("TIKA-216.tgz"), Limits.DEFAULT);
        assertTrue(!bombs.problems.isEmpty() && bombs.problems.stream().allMatch(p -> p.stage().equals(Problem.LIMIT)));
        Collected quine = Collected.open(tika.resolve("quine.gz"), Limits.DEFAULT);
        assertTrue(!quine.problems.isEmpty(), "a gzip that contains itself ends at the depth limit: " + quine.sources());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tar(Object... nameThenBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) add(tar, (String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    /** Writes a 7z; a name ending in '/' is written as a folder, with the attribute 7-Zip gives one, data or not. */
    private Path sevenZ(String name, String... nameThenText) throws IOException {
        Path file = dir.resolve(name);
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(nameThenText[i]);
                entry.setDirectory(nameThenText[i].endsWith("/"));
                entry.setHasWindowsAttributes(entry.isDirectory());
                entry.setWindowsAttributes(entry.isDirectory() ? 0x10 : 0);
                out.putArchiveEntry(entry);
                out.write(utf8(nameThenText[i + 1]));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Writes {@code size} into the size field of the tar header at {@code header}, as a liar would. */
    private static void claimSize(byte[] tar, int header, long size) {
        put(tar, header + 124, String.format("%011o\0", size));
        checksum(tar, header);
    }

    /** Gives the tar header at {@code header} another type flag and name, as a crafted or broken writer would. */
    private static void retype(byte[] tar, int header, char flag, String name) {
        Arrays.fill(tar, header, header + 100, (byte) 0);
        put(tar, header, name);
        tar[header + 156] = (byte) flag;
        checksum(tar, header);
    }

    private static void put(byte[] tar, int at, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, tar, at, b.length);
    }

    /** A tar header's checksum: the sum of its bytes, with the checksum field itself counted as spaces. */
    private static void checksum(byte[] tar, int header) {
        Arrays.fill(tar, header + 148, header + 156, (byte) ' ');
        long sum = 0;
        for (int i = header; i < header + 512; i++) sum += tar[i] & 0xff;
        put(tar, header + 148, String.format("%06o\0 ", sum));
    }

    private static byte[] zip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new XZCompressorOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
