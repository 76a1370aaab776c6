package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.Item;
import dossier.model.Limits;
import dossier.model.RawInput;
import dossier.parse.Parser;
import dossier.people.Directory;
import dossier.search.Searcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipient's copy of an email has no Bcc header; the sender's copy has it. In a dump of mailboxes the recipient's
 * copy is often read first ({@code alice/inbox} sorts before {@code bob/sent}), and the two are one item: the Bcc the
 * sender's copy names must still be found by {@code bcc:} and counted among the sender's connections, in one run, in a
 * later run, and after an interrupted one.
 */
class BlindCopiesTest {
    @TempDir
    Path tmp;

    private static final String MESSAGE = "From: Bob Stone <bob@example.org>\r\nTo: Alice Reed <alice@example.org>\r\n"
            + "Subject: Board minutes\r\nMessage-ID: <minutes-7@example.org>\r\n"
            + "Date: Mon, 14 May 2001 09:30:00 -0700\r\n";
    /** Plain and HTML, the HTML with a word the plain part lacks: rebuilt with its Bcc, the item still finds it. */
    private static final String BODY = "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b1\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain\r\n\r\nThe minutes of the board are ready; keep them to yourself.\r\n"
            + "--b1\r\nContent-Type: text/html\r\n\r\n<p>The minutes of the board are ready; keep them to yourself."
            + " <i>Quillwort</i></p>\r\n--b1--\r\n";

    /** Alice's copy, as her mailbox filed it. */
    private static final byte[] RECEIVED = (MESSAGE + "X-Folder: \\Alice\\Inbox\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    /** Bob's own copy, with the Bcc only he saw: Carol by address, Dan by name and address, Alice again in another case. */
    private static final byte[] SENT = (MESSAGE + "Bcc: carol@example.org, Dan Moss <DAN@Example.org>, ALICE@example.org\r\n"
            + "X-Folder: \\Bob\\Sent Items\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private static Ingest.Summary ingest(Archive a, Path dump) throws Exception {
        return new Ingest(new Ingest.Options(1, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                .run(a, List.of(dump), (f, b) -> Progress.silent());
    }

    private Path dump(String name, String file, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name).resolve(file);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return tmp.resolve(name);
    }

    @Test
    void theSendersBccIsFoundWhenTheRecipientsCopyCameFirst() throws Exception {
        Path d = dump("dump", "alice/inbox/1.eml", RECEIVED);
        dump("dump", "bob/sent/1.eml", SENT);
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        Ingest.Summary s = ingest(archive, d);
        assertEquals(1, s.emails());
        assertEquals(1, s.duplicates());
        assertMerged(archive);
    }

    @Test
    void aLaterRunAddsTheBccOfACopyToAnItemCommittedBefore() throws Exception {
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        ingest(archive, dump("one", "alice/inbox/1.eml", RECEIVED));
        Item before;
        try (Searcher s = Searcher.open(archive)) {
            assertEquals(0, s.count("bcc:carol"));
            before = s.item(1).orElseThrow();
        }
        ingest(archive, dump("two", "bob/sent/1.eml", SENT));
        Item after = assertMerged(archive);
        // Everything else reads back as it was: the item's own header block, body, date, ids and thread.
        Item expected = new Item(before.id(), before.kind(), before.sha256(), before.size(), before.source(),
                after.locations(), before.parent(), before.title(), before.name(), before.date(), before.text(),
                before.language(), before.contentType(), before.meta(), after.email(), before.attachments(), before.thread());
        assertEquals(expected, after);
        assertEquals(before.email().rawHeaders(), after.email().rawHeaders());
        assertEquals(before.email().plainBody(), after.email().plainBody());
        assertEquals(before.email().to(), after.email().to());
    }

    @Test
    void anInterruptedIngestKeepsTheBccOfCopiesItCommitted() throws Exception {
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        Parser parser = new Parser(Limits.DEFAULT);
        try (ArchiveWriter w = ArchiveWriter.open(archive)) {
            w.add(parser.parse(new RawInput("alice/inbox/1.eml", "1.eml", RawInput.Hint.EMAIL, RECEIVED)).item());
            w.add(parser.parse(new RawInput("bob/sent/1.eml", "1.eml", RawInput.Hint.EMAIL, SENT)).item());
            w.commit();
        } // closed without finishing, as when the ingest is stopped here
        ingest(archive, Files.createDirectories(tmp.resolve("nothing-new")));
        assertMerged(archive);
        Ingest.Summary again = ingest(archive, Files.createDirectories(tmp.resolve("still-nothing")));
        assertEquals(0, again.items());
    }

    @Test
    void aBccTheItemHasAlreadyIsNotAddedTwice() {
        Address carol = new Address("", "carol@example.org");
        List<Address> kept = List.of(carol, new Address("Legal", ""));
        List<Address> more = List.of(new Address("Carol Ames", "Carol@Example.org"), new Address("Legal", ""),
                new Address("Ed", "ed@example.org"), new Address("Ed Gray", "ed@example.org"));
        assertEquals(List.of(carol, new Address("Legal", ""), new Address("Ed", "ed@example.org")),
                ArchiveWriter.union(kept, more));
    }

    /** One email, found by each Bcc, showing them after To's Alice, and Carol among Bob's connections. */
    private static Item assertMerged(Archive archive) throws Exception {
        try (Searcher s = Searcher.open(archive)) {
            assertEquals(1, s.count("kind:email"));
            assertEquals(1, s.count("bcc:carol@example.org"));
            assertEquals(1, s.count("bcc:\"Dan Moss\""));
            assertEquals(1, s.count("bcc:alice"));
            assertEquals(1, s.count("participant:carol"));
            assertEquals(1, s.count("quillwort"), "a word of the HTML part alone");
            Item item = s.item(1).orElseThrow();
            assertEquals(List.of(new Address("", "carol@example.org"), new Address("Dan Moss", "dan@example.org"),
                    new Address("", "alice@example.org")), item.email().bcc());
            assertEquals(2, item.locations().size());
            assertTrue(item.locations().get(1).endsWith("bob/sent/1.eml"), item.locations().toString());
            var connection = Directory.open(s).connection("bob@example.org", "carol@example.org", 0, 10);
            assertEquals(1, connection.total(), "the Bcc counts among Bob's connections");
            assertEquals(1, connection.aToB());
            return item;
        }
    }
}
