package dossier.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FromLineTest {
    private static boolean matches(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return FromLine.matches(b, 0, b.length);
    }

    @Test
    void realEnvelopeLinesAreFromLines() {
        List<String> real = List.of(
                "From sender@x  Sat Jan  3 01:05:34 1996",
                "From - Mon Jan 01 00:00:00 2001",                              // Mozilla, Thunderbird
                "From 1581234567891234567@xxx Mon Feb 10 12:00:00 +0000 2020",  // Gmail Takeout
                "From user@host Wed Dec 31 23:59:59 MST 1997",
                "From MAILER-DAEMON Wed Jan  2 10:11:12 2002",
                "From ???@??? Tue Mar 04 09:15:00 1997",                        // Eudora
                "From bob at example.com  Thu Jan  1 00:00:00 2009",            // Mailman's pipermail
                "From a@b Thu Jan 3 08:00 2002",                                // no seconds
                "From a@b\tTue Jan  1 00:00:00 2002",
                "From a@b Tue Jan  1 00:00:00 2002 remote from uunet",          // UUCP
                "From a@b TUE JAN  1 00:00:00 2002",
                "From a@b Tue Jan  1 00:00:00 2002\n",
                "From a@b Tue Jan  1 00:00:00 2002\r\n",
                "From a@b Tue Jan  1 00:00:00 -0700 2002");
        for (String line : real) assertTrue(matches(line), line);
    }

    @Test
    void bodyTextStartingWithFromIsNot() {
        List<String> body = List.of(
                "From Alice at 10:30 on 2002 she wrote wsbodyword",
                "From here on 10:30 2002 we wait",
                "From the desk of J 10:30 2002",
                "From inside a long body 10:00 2002",
                "From my point of view this is fine.",
                "From pat016",
                "From - ",
                "From 0@xxx 2014-12-12 22:59:42 +0000",           // not asctime
                "From a@b Tue Jan  1 00:00:00 02",                // two-digit year
                "From a@b Tue Jan  1 00:00:00 20021",
                "From a@b Tue Jan 123 00:00:00 2002",
                "From a@b Tue Jan  1 0:0:00 2002",
                "From a@b Tue Jan  1 00:00:00 ABCDEFGH 2002",
                "From a@b Tuesday Jan  1 00:00:00 2002",
                "From a@b Tue Jan  1 00:00:00 2002x",
                "From  Tue Jan  1 00:00:00 2002",                 // no sender
                "from a@b Tue Jan  1 00:00:00 2002",
                ">From a@b Tue Jan  1 00:00:00 2002",
                "From a@b Tue Jan  1 00:00:00");
        for (String line : body) assertFalse(matches(line), line);
    }

    @Test
    void bareFromDashIsRecognisedAsSuchAndOnlyTheFirstFieldsOfAMailStoreFollowIt() {
        for (String line : List.of("From -", "From - ", "From -\n", "From - \t\r\n")) {
            assertTrue(FromLine.isBare(bytes(line), 0, line.length()), line);
        }
        for (String line : List.of("From - and then", "From --", "From  -", "From x", ">From - ")) {
            assertFalse(FromLine.isBare(bytes(line), 0, line.length()), line);
        }
        for (String line : List.of("X-Mozilla-Status: 0001", "x-mozilla-status2: 0", "Return-Path: <a@b>", "RECEIVED: x",
                "From: fejj@gnome.org", "Message-ID: <31C105ED.41C62@netscape.com>")) {
            assertTrue(FromLine.startsStoreHeader(bytes(line), 0, line.length()), line);
        }
        for (String line : List.of("Subject: x", "To: x", "Date: x", "Received", "the list:", "X-Mozilla", "From x")) {
            assertFalse(FromLine.startsStoreHeader(bytes(line), 0, line.length()), line);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fromLineLongerThanTheLimitIsNot() {
        String date = " Tue Jan  1 00:00:00 2002";
        String fits = "From " + "s".repeat(FromLine.MAX_LENGTH - 5 - date.length()) + date;
        assertTrue(matches(fits));
        assertFalse(matches("From s" + fits.substring(5)));
    }

    @Test
    void hostileLinesAreNot() {
        // Lines that make a backtracking pattern try many splits; the scanner looks at each byte about once.
        assertFalse(matches("From a" + " Mon".repeat(100) + " Jan"));
        assertFalse(matches("From x " + "1:00 ".repeat(90) + "2002"));
        byte[] huge = ("From x Mon Jan  1 00:00:00 " + "9".repeat(10_000_000)).getBytes(StandardCharsets.US_ASCII);
        assertFalse(FromLine.matches(huge, 0, huge.length));
    }
}
