package dossier.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput.Hint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxSplitTest {
    @TempDir Path dir;

    private static final String ONE = "From alice@example.com Tue Jan  1 00:00:00 2002\n"
            + "From: alice@example.com\nSubject: one\n\n"
            + "From my point of view this is fine.\n"
            + "\n"
            + "From here on, we wait.\n"
            + "\n"
            + "From the desk of Bob\n\n";

    @Test
    void mboxWithFromLinesInBodyKeepsEveryMessage() throws Exception {
        String mbox = ONE
                + "From MAILER-DAEMON Wed Jan  2 10:11:12 2002\nFrom: bob@example.com\nSubject: two\n\nbody two\n\n"
                + "From carol@example.com Thu Jan 3 08:00 2002\nSubject: three\n\nbody three\n";
        Collected c = Collected.open(dir, "box.mbox", mbox);
        assertEquals(List.of("box.mbox#1", "box.mbox#2", "box.mbox#3"), c.sources());
        assertTrue(c.text(0).contains("From here on, we wait.\n\nFrom the desk of Bob\n"), c.text(0));
        assertTrue(c.inputs.stream().allMatch(i -> i.hint() == Hint.EMAIL && i.name().isEmpty()));
        assertEquals(List.of(), c.problems);
    }

    @Test
    void separatorLineIsDroppedAndTheBlankLineBeforeTheNextIsNotPartOfTheMessage() throws Exception {
        Collected c = Collected.open(dir, "box.mbox",
                "From a@b Tue Jan  1 00:00:00 2002\nSubject: a\n\nbody a\n\nFrom c@d Tue Jan  1 00:00:00 2002\nSubject: b\n\nb\n");
        assertEquals("Subject: a\n\nbody a\n", c.text(0));
        assertEquals("Subject: b\n\nb\n", c.text(1));
    }

    @Test
    void quotedFromLinesLoseExactlyOneLevel() throws Exception {
        Collected c = Collected.open(dir, "box.mbox",
                "From a@b Tue Jan  1 00:00:00 2002\nSubject: q\n\n>From here\n>>From there\n> From nowhere\n>Fromage\n");
        assertEquals("Subject: q\n\nFrom here\n>From there\n> From nowhere\n>Fromage\n", c.text(0));
    }

    @Test
    void crlfMailboxSplitsAndKeepsItsLineEnds() throws Exception {
        String mbox = "From a@b Tue Jan  1 00:00:00 2002\r\nSubject: a\r\n\r\nx\r\n>From y\r\n\r\n"
                + "From c@d Tue Jan  1 00:00:00 2002\r\nSubject: b\r\n\r\nz\r\n";
        Collected c = Collected.open(dir, "crlf.mbx", mbox);
        assertEquals(List.of("crlf.mbx#1", "crlf.mbx#2"), c.sources());
        assertEquals("Subject: a\r\n\r\nx\r\nFrom y\r\n", c.text(0));
        assertEquals("Subject: b\r\n\r\nz\r\n", c.text(1));
    }

    @Test
    void mailboxIsSplitOnBytesWhateverTheirEncoding() throws Exception {
        byte[] latin1 = "From a@b Tue Jan  1 00:00:00 2002\nSubject: caf\u00e9\n\n\u00ff\u00fe\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Collected c = Collected.open(dir, "latin.mbox", latin1, Limits.DEFAULT);
        assertArrayEquals("Subject: caf\u00e9\n\n\u00ff\u00fe\n".getBytes(StandardCharsets.ISO_8859_1),
                c.inputs.get(0).bytes());
    }

    @Test
    void fileWithoutExtensionStartingWithFromLineIsAMailbox() throws Exception {
        Collected c = Collected.open(dir, "Inbox", "From - Mon Jun  3 12:50:27 1996\nSubject: a\n\nx\n\n"
                + "From - Mon Jun  3 12:51:27 1996\nSubject: b\n\ny\n");
        assertEquals(List.of("Inbox#1", "Inbox#2"), c.sources());
    }

    @Test
    void textBeforeTheFirstSeparatorIsMessageZero() throws Exception {
        Collected c = Collected.open(dir, "box.mbox", "Subject: stray\n\nno envelope\n\n"
                + "From a@b Tue Jan  1 00:00:00 2002\nSubject: a\n\nx\n");
        assertEquals(List.of("box.mbox#0", "box.mbox#1"), c.sources());
        assertEquals("Subject: stray\n\nno envelope\n", c.text(0));
    }

    @Test
    void damagedFirstFromLineStillStartsTheFirstMessage() throws Exception {
        Collected c = Collected.open(dir, "fuzz.mbox", "From pat016\nSubject: a\n\nx\n\nFrom xl.org, netdev@vger,\ny\n");
        assertEquals(List.of("fuzz.mbox#1"), c.sources());
        assertTrue(c.text(0).endsWith("\nFrom xl.org, netdev@vger,\ny\n"));
    }

    @Test
    void messageLargerThanTheLimitIsAProblemAndTheOthersAreKept() throws Exception {
        Limits small = new Limits(100, 4, 100, 10, 1000, 1000, Limits.DEFAULT.timePerFile());
        String mbox = "From a@b Tue Jan  1 00:00:00 2002\nSubject: big\n\n" + "x".repeat(500) + "\n\n"
                + "From c@d Tue Jan  1 00:00:00 2002\nSubject: small\n\ny\n";
        Collected c = Collected.open(dir, "box.mbox", mbox.getBytes(StandardCharsets.US_ASCII), small);
        assertEquals(List.of("box.mbox#2"), c.sources());
        assertEquals(List.of(new Problem("box.mbox#1", Problem.LIMIT, "message larger than 100 bytes")), c.problems);
    }

    @Test
    void messagesPastTheEntryLimitBecomeOneProblem() throws Exception {
        Limits two = new Limits(1 << 20, 4, 2, 10, 1000, 1000, Limits.DEFAULT.timePerFile());
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 5; i++) mbox.append("From a@b Tue Jan  1 00:00:00 2002\nSubject: ").append(i).append("\n\nx\n\n");
        Collected c = Collected.open(dir, "box.mbox", mbox.toString().getBytes(StandardCharsets.US_ASCII), two);
        assertEquals(List.of("box.mbox#1", "box.mbox#2"), c.sources());
        assertEquals(1, c.problems.size());
        assertEquals(Problem.LIMIT, c.problems.get(0).stage());
    }

    @Test
    void mailboxOfMoreThanAHundredThousandMessagesIsReadWholeByDefault() throws Exception {
        // A Gmail export or a long-kept mailbox: the default limit once stopped at 100,000 and lost the rest.
        int n = 150_000;
        StringBuilder mbox = new StringBuilder();
        for (int i = 1; i <= n; i++) mbox.append("From a@b Tue Jan  1 00:00:00 2002\nSubject: ").append(i).append("\n\nx\n\n");
        Collected c = Collected.open(dir, "all.mbox", mbox.toString().getBytes(StandardCharsets.US_ASCII), Limits.DEFAULT);
        assertEquals(List.of(), c.problems);
        assertEquals(n, c.inputs.size());
        assertEquals("all.mbox#" + n, c.sources().get(n - 1));
        assertEquals("Subject: " + n + "\n\nx\n", c.text(n - 1));
    }

    @Test
    void mailboxOfBlankLinesIsAccountedFor() throws Exception {
        Collected c = Collected.open(dir, "blank.mbox", "\n\n\n");
        assertEquals(List.of(), c.inputs);
        assertEquals(List.of(new Problem("blank.mbox", Problem.SOURCE, "empty mbox")), c.problems);
    }

    @Test
    void lineLongerThanTheReadBufferIsKeptWhole() throws Exception {
        String longLine = "y".repeat(200_000);
        Collected c = Collected.open(dir, "long.mbox", "From a@b Tue Jan  1 00:00:00 2002\nSubject: l\n\n" + longLine
                + "\nFrom inside a long body 10:00 2002\n\nFrom c@d Tue Jan  1 00:00:00 2002\nSubject: m\n\nz\n");
        assertEquals(2, c.inputs.size());
        assertEquals("Subject: l\n\n" + longLine + "\nFrom inside a long body 10:00 2002\n", c.text(0));
    }

    @Test
    void everyRealFromLineVariantSplitsAndBodyTextDoesNot() throws Exception {
        // Golden: src/test/resources/source/variants.mbox, one message per From_ line variant, body traps between.
        Collected c = Collected.open(dir, "variants.mbox", resource("variants.mbox"), Limits.DEFAULT);
        String got = c.inputs.stream().map(i -> "=== " + i.source() + "\n" + new String(i.bytes(), StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        assertEquals(new String(resource("variants.mbox.expected"), StandardCharsets.UTF_8), got);
        assertEquals(List.of(), c.problems);
    }

    @Test
    void thunderbirdFromDashLinesWithADateSplitInTheMiddleOfAMailbox() throws Exception {
        String mbox = "From - Fri Nov 27 09:00:00 2026\nX-Mozilla-Status: 0001\nSubject: one\n\nbody one\n\n"
                + "From - Sat Nov 28 10:00:00 2026\nX-Mozilla-Status: 0001\nSubject: two\n\nbody two\n";
        Collected c = Collected.open(dir, "Inbox", mbox);
        assertEquals(List.of("Inbox#1", "Inbox#2"), c.sources());
        assertEquals("X-Mozilla-Status: 0001\nSubject: two\n\nbody two\n", c.text(1));
    }

    @Test
    void bareFromDashSplitsOnlyBeforeAMailStoresFirstHeaderField() throws Exception {
        String mbox = "From - Fri Nov 27 09:00:00 2026\nSubject: one\n\nbody one\n\n"
                + "From - \nX-Mozilla-Status: 0001\nSubject: two\n\nbody two\n\n"
                + "From -\r\nReturn-Path: <c@d>\nSubject: three\n\nthe list:\n"
                + "From - \nto the end\nFrom -\n\nFrom - \nSubject: not a store's first field\nFrom - \n"
                + "From - \nFrom: fejj@gnome.org\nSubject: four\n\nbody four\n"
                + "From - \nMessage-ID: <31C105ED.41C62@netscape.com>\nSubject: five\n\nbody five\nFrom - ";
        Collected c = Collected.open(dir, "box.mbox", mbox);
        assertEquals(List.of("box.mbox#1", "box.mbox#2", "box.mbox#3", "box.mbox#4", "box.mbox#5"), c.sources());
        assertEquals("Subject: one\n\nbody one\n", c.text(0));
        assertEquals("X-Mozilla-Status: 0001\nSubject: two\n\nbody two\n", c.text(1));
        assertEquals("Return-Path: <c@d>\nSubject: three\n\nthe list:\n"
                + "From - \nto the end\nFrom -\n\nFrom - \nSubject: not a store's first field\nFrom - \n", c.text(2));
        assertEquals("From: fejj@gnome.org\nSubject: four\n\nbody four\n", c.text(3));
        assertEquals("Message-ID: <31C105ED.41C62@netscape.com>\nSubject: five\n\nbody five\nFrom - ", c.text(4));
        assertEquals(List.of(), c.problems);
    }

    @Test
    void fromLineWithTimeAndYearAfterALineOfSpacesIsBodyText() throws Exception {
        String body = "para one\n \nFrom Alice at 10:30 on 2002 she wrote wsbodyword\nmore text\n";
        Collected c = Collected.open(dir, "box.mbox", "From a@b Tue Jan  1 00:00:00 2002\nSubject: s\n\n" + body);
        assertEquals(List.of("box.mbox#1"), c.sources());
        assertEquals("Subject: s\n\n" + body, c.text(0));
    }

    @Test
    void longLineStartingWithFromAfterAnEmptyLineIsKept() throws Exception {
        String longLine = "From here on 10:30 2002 " + "w".repeat(170_000);
        Collected c = Collected.open(dir, "box.mbox",
                "From a@b Tue Jan  1 00:00:00 2002\nSubject: s\n\nx\n\n" + longLine + "\nend\n");
        assertEquals(List.of("box.mbox#1"), c.sources());
        assertEquals("Subject: s\n\nx\n\n" + longLine + "\nend\n", c.text(0));
    }

    @Test
    void longFirstLineStartingWithFromIsKeptAsMessageZero() throws Exception {
        String longLine = "From here on 10:30 2002 " + "w".repeat(170_000);
        Collected c = Collected.open(dir, "box.mbox", longLine + "\nSubject: s\n\nx\n");
        assertEquals(List.of("box.mbox#0"), c.sources());
        assertEquals(longLine + "\nSubject: s\n\nx\n", c.text(0));
    }

    @Test
    void textFileStartingWithFromAndATimeIsADocument() throws Exception {
        String memo = "From the desk of J 10:30 2002\nPlease file the reports by Friday.\n";
        Collected c = Collected.open(dir, "memo.txt", memo);
        assertEquals(List.of("memo.txt"), c.sources());
        assertEquals(Hint.FILE, c.inputs.get(0).hint());
        assertEquals(memo, c.text(0));
        assertEquals(List.of(), c.problems);
    }

    @Test
    void mailboxWithClassicMacLineEndsKeepsEveryMessage() throws Exception {
        String mbox = "From a@b Tue Jan  1 00:00:00 2002\rSubject: a\r\rx\r>From y\r\r"
                + "From c@d Tue Jan  1 00:00:00 2002\rSubject: b\r\rz\r";
        for (String name : List.of("dump/cr_only.mbox", "dump/In")) {
            Collected c = Collected.open(dir, name, mbox);
            assertEquals(List.of(name + "#1", name + "#2"), c.sources(), name);
            assertEquals("Subject: a\n\nx\nFrom y\n", c.text(0));
            assertEquals("Subject: b\n\nz\n", c.text(1));
            assertEquals(List.of(), c.problems);
        }
    }

    @Test
    void mailboxWithClassicMacLineEndsReadInPiecesKeepsItsLines() throws Exception {
        // The line reader reads 64 KiB at a time: this CRLF falls across two reads and is still one line end.
        String head = "From a@b Tue Jan  1 00:00:00 2002\rSubject: a\r\r";
        String pad = "p".repeat((1 << 16) - head.length() - 1);
        String mbox = head + pad + "\r\nq\r\r"
                + "From c@d Tue Jan  1 00:00:00 2002\rSubject: b\r\rz\r";
        Collected c = Collected.open(dir, "mac.mbox", mbox);
        assertEquals(List.of("mac.mbox#1", "mac.mbox#2"), c.sources());
        assertEquals("Subject: a\n\n" + pad + "\nq\n", c.text(0));
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = MboxSplitTest.class.getResourceAsStream("/source/" + name)) {
            return in.readAllBytes();
        }
    }
}
