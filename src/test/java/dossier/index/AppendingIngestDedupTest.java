package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later ingest into the same archive finds the duplicates of items an earlier run committed, by each key the
 * earlier run kept: the sha256 of the bytes, the Message-ID plus body, and subject plus body on the next day; and it
 * skips the files it has ingested. What the earlier run knew comes from the archive alone (the index and the list of
 * ingested files), since each run starts with empty key tables.
 */
class AppendingIngestDedupTest {
    @TempDir
    Path tmp;

    private static final String BODY = "The quarterly figures are attached; please check the totals before Friday.\r\n";

    private static byte[] email(String extraHeaders, String messageId, String date) {
        return ("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: Quarterly figures\r\n" + extraHeaders
                + "Message-ID: <" + messageId + ">\r\nDate: " + date + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
    }

    private static Ingest.Summary ingest(Archive a, Path dump) throws Exception {
        return new Ingest(new Ingest.Options(1, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                .run(a, List.of(dump), (f, b) -> Progress.silent());
    }

    @Test
    void aLaterIngestFindsDuplicatesOfItemsAnEarlierRunCommitted() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one")), two = Files.createDirectories(tmp.resolve("two"));
        byte[] original = email("", "m1@example.org", "Mon, 14 May 2001 23:30:00 +0000");
        Files.write(one.resolve("a.eml"), original);
        Files.writeString(one.resolve("notes.txt"), "Minutes of the board meeting, kept for the record.\n");
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        Ingest.Summary first = ingest(archive, one);
        assertEquals(2, first.items());

        Files.write(two.resolve("1-same-bytes.eml"), original);
        Files.write(two.resolve("2-refiled.eml"), email("X-Folder: \\Deleted Items\r\n", "m1@example.org",
                "Mon, 14 May 2001 23:30:00 +0000"));
        Files.write(two.resolve("3-new-id-next-day.eml"), email("", "copy-of-m1@mailstore.example.org",
                "Tue, 15 May 2001 01:10:00 +0000"));
        Files.copy(one.resolve("notes.txt"), two.resolve("4-notes-copy.txt"));
        Files.writeString(two.resolve("5-new.eml"), "From: clerk@example.org\r\nSubject: Something else\r\n"
                + "Message-ID: <m2@example.org>\r\nDate: Mon, 21 May 2001 09:00:00 +0000\r\n\r\nA different message.\r\n");
        Ingest.Summary second = ingest(archive, two);

        Map<String, Long> ids = Manifest.read(archive.manifest()).stream()
                .collect(Collectors.toMap(Manifest.Entry::source, Manifest.Entry::id, (x, y) -> x));
        long email = ids.get("one/a.eml"), notes = ids.get("one/notes.txt");
        assertEquals(email, ids.get("two/1-same-bytes.eml"), "same bytes: the sha256 key");
        assertEquals(email, ids.get("two/2-refiled.eml"), "same Message-ID and body: the email key");
        assertEquals(email, ids.get("two/3-new-id-next-day.eml"), "same subject and body, next day: the content key");
        assertEquals(notes, ids.get("two/4-notes-copy.txt"), "a document's copy: the sha256 key");
        assertTrue(ids.get("two/5-new.eml") > Math.max(email, notes), "a new email gets a new id");
        assertEquals(4, second.duplicates());
        assertEquals(1, second.items());

        Ingest.Summary third = ingest(archive, two);
        assertEquals(5, third.skippedFiles(), "every file of the second run is known as ingested");
        assertEquals(0, third.items() + third.duplicates());
    }
}
