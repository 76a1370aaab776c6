package dossier.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.sample.DumpReader.Item;
import dossier.sample.SampleGenerator.SampleSpec;
import dossier.sample.SampleGenerator.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: generate real dumps into temporary folders and read them back as an ingester would. */
class SampleGeneratorTest {
    static final SampleSpec SPEC = new SampleSpec(1_200, 40, 7);

    @TempDir
    static Path shared;
    static Path dump;
    static Summary summary;
    static List<Item> emails;

    @BeforeAll
    static void generate() throws IOException {
        dump = shared.resolve("dump");
        List<long[]> reports = new ArrayList<>();
        summary = new SampleGenerator().generate(SPEC, dump, (e, d) -> reports.add(new long[] {e, d}));
        emails = DumpReader.emails(dump);
        assertFalse(reports.isEmpty(), "progress was reported");
        long[] last = reports.get(reports.size() - 1);
        assertEquals(summary.emails(), last[0]);
        assertEquals(summary.documents(), last[1]);
    }

    @Test
    void sameSpecGivesByteIdenticalTreeWhateverTheDefaultZoneAndLocale(@TempDir Path dir) throws IOException {
        SampleSpec spec = new SampleSpec(400, 25, 3);
        new SampleGenerator().generate(spec, dir.resolve("a"), null);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Locale.setDefault(Locale.GERMANY);
            new SampleGenerator().generate(spec, dir.resolve("b"), null);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        new SampleGenerator().generate(new SampleSpec(400, 25, 4), dir.resolve("c"), null);

        Map<String, String> a = treeHashes(dir.resolve("a")), b = treeHashes(dir.resolve("b"));
        assertTrue(a.keySet().stream().anyMatch(p -> p.endsWith(".docx")), "the tree has docx files");
        assertTrue(a.keySet().stream().anyMatch(p -> p.endsWith(".pdf")), "the tree has pdf files");
        assertEquals(a, b);
        assertNotEquals(a, treeHashes(dir.resolve("c")), "another seed gives another dump");
    }

    @Test
    void countsMatchTheSpecAndTheSummary() throws IOException {
        assertEquals(SPEC.emails(), emails.size());
        assertEquals(SPEC.emails(), summary.emails());
        assertEquals(SPEC.documents(), DumpReader.documents(dump).size());
        assertEquals(SPEC.documents(), summary.documents());
        List<Path> files = DumpReader.files(dump);
        assertEquals(files.size(), summary.files());
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        assertEquals(bytes, summary.bytes());
    }

    @Test
    void layoutHasMaildirsListsDocumentsAndZip() throws IOException {
        assertTrue(Files.isDirectory(dump.resolve("mail/richard.calloway/sent/cur")));
        assertTrue(Files.isDirectory(dump.resolve("mail/richard.calloway/sent/new")));
        for (String list : List.of("all-staff", "it-alerts", "press-clips")) {
            assertTrue(Files.isRegularFile(dump.resolve("lists/" + list + ".mbox")), list);
        }
        List<Item> zipped = DumpReader.zipEntries(dump.resolve("documents/archive-2013.zip"));
        assertEquals(4, zipped.size());
        assertEquals(1, zipped.stream().filter(i -> i.location().endsWith(".eml")).count());
        byte[] eml = zipped.stream().filter(i -> i.location().endsWith(".eml")).findFirst().orElseThrow().bytes();
        assertTrue(new String(eml, StandardCharsets.ISO_8859_1).contains("\r\nMessage-ID: "), "saved mail has CRLF");
    }

    @Test
    void everyEmailParsesWithRequiredHeadersAndDecodableAttachments() throws IOException {
        Map<String, Integer> attachmentsByType = new HashMap<>();
        for (Item item : emails) {
            for (String line : ascii(item).split("\r?\n")) {
                assertTrue(line.length() <= 998, "RFC 5322 line limit in " + item.location());
            }
            var parsed = MailCheck.parse(item);
            MailCheck.checkAttachments(item, parsed, attachmentsByType);
        }
        for (String type : List.of("docx", "xlsx", "pdf")) {
            assertTrue(attachmentsByType.getOrDefault(type, 0) > 0, "some " + type + " attachments: " + attachmentsByType);
        }
        long withAttachments = emails.stream().filter(i -> ascii(i).contains("Content-Disposition: attachment")).count();
        assertTrue(withAttachments > emails.size() * 0.05 && withAttachments < emails.size() * 0.25,
                "about 10% have attachments: " + withAttachments);
    }

    @Test
    void standaloneDocumentsOpenAndHaveText() throws IOException {
        for (Item doc : DumpReader.documents(dump)) {
            assertFalse(MailCheck.text(doc.location(), doc.bytes()).isBlank(), doc.location());
        }
    }

    @Test
    void mboxSplitsOnStrictFromLinesAndQuotesBodyFromLines() throws IOException {
        String clips = Files.readString(dump.resolve("lists/press-clips.mbox"), StandardCharsets.ISO_8859_1);
        assertTrue(clips.contains("\n>From The Hollywood Ledger: ") || clips.contains("\n>From Marquee Daily: "));
        for (String list : List.of("all-staff", "it-alerts", "press-clips")) {
            String mbox = Files.readString(dump.resolve("lists/" + list + ".mbox"), StandardCharsets.ISO_8859_1);
            assertTrue(mbox.startsWith("From "));
            long looseFromLines = mbox.lines().filter(l -> l.startsWith("From ")).count();
            List<String> messages = DumpReader.splitMbox(mbox);
            assertEquals(looseFromLines, messages.size(), "every unquoted From line is a separator");
            for (String m : messages) assertTrue(m.startsWith("From: "), list);
        }
    }

    @Test
    void repliesPointToMessagesInTheDump() throws IOException {
        Set<String> ids = new HashSet<>();
        List<String> inReplyTo = new ArrayList<>();
        for (Item item : emails) {
            String head = MailCheck.headerBlock(item);
            ids.add(MailCheck.header(head, "Message-ID"));
            String parent = MailCheck.header(head, "In-Reply-To");
            if (parent != null) inReplyTo.add(parent);
        }
        assertTrue(inReplyTo.size() > emails.size() / 5, "many replies: " + inReplyTo.size());
        for (String parent : inReplyTo) assertTrue(ids.contains(parent), "reply to a missing message " + parent);
    }

    @Test
    void messageIdsRepeatOnlyForExactDuplicates() {
        Map<String, String> hashById = new HashMap<>();
        int duplicates = 0;
        for (Item item : emails) {
            String id = MailCheck.header(MailCheck.headerBlock(item), "Message-ID");
            // An mbox message ends with the blank line before the next separator.
            String hash = sha256(ascii(item).stripTrailing().getBytes(StandardCharsets.ISO_8859_1));
            String seen = hashById.putIfAbsent(id, hash);
            if (seen != null) {
                duplicates++;
                assertEquals(seen, hash, "a second copy of " + id + " at " + item.location() + " is identical");
            }
        }
        assertEquals(SPEC.emails() / 100, duplicates);
    }

    @Test
    void mailLooksLikeARealDump() {
        String all = String.join("\n", emails.stream().map(SampleGeneratorTest::ascii).toList());
        for (String feature : List.of("multipart/alternative", "multipart/mixed", "message/rfc822", "\nBcc: ", "\nCc: ",
                "charset=\"iso-8859-1\"", "=?UTF-8?B?", "=?UTF-8?Q?", "\nSubject: Re: ", "\nSubject: RE: ", "Fwd: ",
                "---------- Forwarded message ----------", "-----Original Message-----", " wrote:\n\n> ",
                "@larkspur.example.org", "-0700", "-0800", "+0900")) {
            assertTrue(all.contains(feature), "the dump has " + feature.strip());
        }
    }

    @Test
    void plantedStoryIsFindableAndUnique() throws IOException {
        List<Item> story = emails.stream().filter(i -> ascii(i).contains(Story.KEYWORD)).toList();
        assertEquals(6, story.size(), "the six Quillfeather messages, each filed once");
        assertTrue(story.stream().anyMatch(i -> ascii(i).contains("From: Richard Calloway <richard.calloway@northwind-pictures.com>")
                && ascii(i).contains("To: Elias Brandt <elias.brandt@larkspur.example.org>")));
        assertTrue(story.stream().anyMatch(i -> ascii(i).contains("tabletop exercise")));
        Item withPdf = story.stream().filter(i -> ascii(i).contains("Quillfeather - Risk Assessment.pdf")).findFirst().orElseThrow();
        Map<String, Integer> types = new HashMap<>();
        var parsed = MailCheck.parse(withPdf);
        assertTrue(MailCheck.checkAttachments(withPdf, parsed, types).contains(Story.KEYWORD));
        long bystander = emails.stream().filter(i -> ascii(i).contains("SSN: 078-05-1120")).count();
        assertEquals(1, bystander);
        for (Item doc : DumpReader.documents(dump)) {
            assertFalse(MailCheck.text(doc.location(), doc.bytes()).contains(Story.KEYWORD), doc.location());
        }
    }

    @Test
    void outputThatIsNotEmptyIsRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("existing.txt"), "x");
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SampleGenerator().generate(new SampleSpec(10, 1, 1), dir, null));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SampleGenerator().generate(new SampleSpec(10, 1, 1), dir.resolve("existing.txt"), null));
    }

    @Test
    void tinyDumpsSkipThePlantedMessagesButKeepCounts(@TempDir Path dir) throws IOException {
        Summary s = new SampleGenerator().generate(new SampleSpec(12, 2, 5), dir.resolve("d"), null);
        assertEquals(12, s.emails());
        assertEquals(2, s.documents());
        assertEquals(12, DumpReader.emails(dir.resolve("d")).size());
        assertNotNull(DumpReader.documents(dir.resolve("d")));
    }

    static String ascii(Item item) {
        return new String(item.bytes(), StandardCharsets.ISO_8859_1);
    }

    static Map<String, String> treeHashes(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Path f : DumpReader.files(root)) out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ByteArrayInputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
