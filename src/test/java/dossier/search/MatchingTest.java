package dossier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.cli.Main;
import dossier.index.Archive;
import dossier.testutil.Cli;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader finds with address patterns, CJK parts of names and file names, quoted phrases, file names and a
 * "Last, First" name, over an archive ingested by the real command from a dump written here.
 */
class MatchingTest {
    @TempDir static Path tmp;
    private static Path archive;
    private static Searcher searcher;

    @BeforeAll
    static void ingest() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.writeString(dump.resolve("mail.mbox"), String.join("\n",
                mail("Memo from Jeff", "\"Skilling, Jeff\" <jeff.skilling@enron.com>",
                        encoded("吉田学") + " <manabu.yoshida@example.jp>", "<a@x>", "Jeff Skilling wrote this memo.",
                        textPart("filename*=UTF-8''" + URLEncoder.encode("報告書2014.txt", StandardCharsets.UTF_8),
                                "figures for the year"),
                        textPart("filename=\"report.txt\"", "the quarterly report")),
                mail("Skills", "Analyst <analyst@rand.org>", "jeff.skilling@enron.com", "<b@x>",
                        "Jeff skills are the best. LET'S DO LUNCH on Friday.",
                        "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment\n"
                                + "Content-Transfer-Encoding: base64\n\nAAECAwQFBgc=\n"),
                mail("Re: Memo", encoded("吉田学") + " <manabu.yoshida@example.jp>", "jeff.skilling@enron.com", "<c@x>",
                        "会議の議事録を送ります", ""),
                mail("Forwarding", "Analyst <analyst@rand.org>", "jeff.skilling@enron.com", "<d@x>", "See below.",
                        "--b\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=\"forward.eml\"\n\n"
                                + "From: someone@example.com\nSubject: Inner\nMessage-ID: <e@x>\n\nThe inner text.\n"))
                + "\n", StandardCharsets.UTF_8);
        // Emails filed on their own: a maildir file named "1." (as Enron's) and an .eml named like an attachment.
        Path cur = Files.createDirectories(dump.resolve("maildir/inbox"));
        Files.writeString(cur.resolve("1."), "From: ops@example.com\nTo: all@example.com\nSubject: Stored one\n"
                + "Message-ID: <f@x>\nDate: Mon, 14 May 2001 16:39:00 +0000\n\nNothing here.\n");
        Files.writeString(dump.resolve("report.eml"), "From: ops@example.com\nTo: all@example.com\n"
                + "Subject: Stored report\nMessage-ID: <g@x>\nDate: Mon, 14 May 2001 16:39:00 +0000\n\nNothing.\n");
        Files.writeString(dump.resolve("annual report.txt"), "The annual report, on its own.\n");
        archive = tmp.resolve("a");
        assertEquals(0, Main.run("ingest", "--no-ocr", "--archive", archive.toString(), dump.toString()));
        searcher = Searcher.open(Archive.open(archive));
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @Test
    void addressOperatorsTakeWildcardsAnywhere() throws Exception {
        assertEquals(Set.of("Memo from Jeff"), titles("from:*killing"));
        assertEquals(Set.of("Memo from Jeff"), titles("from:j*@enron.com"));
        assertEquals(Set.of("Memo from Jeff"), titles("from:sk?lling"));
        assertEquals(Set.of("Skills", "Forwarding"), titles("domain:*.org"));
        assertEquals(Set.of("Memo from Jeff", "Re: Memo"), titles("participant:*.jp"));
        assertEquals(Set.of("Skills", "Forwarding"), titles("to:*killing -from:*.jp"));
        assertEquals(Set.of("Memo from Jeff"), titles("from:skill*"), "a trailing * is a prefix, as before");
    }

    @Test
    void aPatternTooBroadToSearchIsABadQuery() {
        QueryException e = assertThrows(QueryException.class, () -> searcher.count("from:*a??????????????"));
        assertTrue(e.getMessage().contains("too broad"), e.getMessage());
        assertThrows(QueryException.class, () -> searcher.count("*e???????????????"));
        assertEquals(Main.USAGE, Main.run("count", "--archive", archive.toString(), "domain:*a??????????????"));
    }

    @Test
    void aPartOfACjkNameFindsThePerson() throws Exception {
        assertEquals(Set.of("Re: Memo"), titles("from:吉田"));
        assertEquals(Set.of("Memo from Jeff"), titles("to:学"));
        assertEquals(Set.of("Memo from Jeff", "Re: Memo"), titles("participant:吉田学"));
        assertEquals(Set.of("Re: Memo"), titles("議事録"), "free CJK text, as before");
    }

    @Test
    void aPartOfACjkFileNameFindsTheFile() throws Exception {
        assertEquals(Set.of("報告書2014.txt"), titles("filename:報告"));
        assertEquals(Set.of("報告書2014.txt"), titles("filename:報告書"));
        assertEquals(Set.of("報告書2014.txt"), titles("filename:報告書2014.txt"));
        assertEquals(Set.of("報告書2014.txt"), titles("filename:*2014*"));
        assertTrue(titles("報告書").contains("報告書2014.txt"), "free text finds it too");
    }

    @Test
    void aQuotedPhraseFindsTheWordsAsWrittenWithOrWithoutApostrophes() throws Exception {
        assertEquals(Set.of("Skills"), titles("\"lets do lunch\""));
        assertEquals(Set.of("Skills"), titles("\"let's do lunch\""));
        assertEquals(Set.of("Skills"), titles("subject:\"skills\""));
        assertEquals(Set.of("Memo from Jeff"), titles("\"jeff skilling\""), "quoted words are not stemmed");
        assertEquals(Set.of("Memo from Jeff", "Skills"), titles("jeff skilling"), "unquoted words are");
        assertEquals(Set.of(), titles("\"lunch do lets\""), "a phrase keeps its order");
    }

    @Test
    void fileNameFindsAttachmentsAndDocumentsNotStoredEmails() throws Exception {
        assertEquals(Set.of("report.txt", "annual report.txt"), titles("filename:report"));
        assertEquals(Set.of("report.txt", "annual report.txt"), titles("filename:report.txt"), "the words of the name");
        assertEquals(Set.of("report.txt", "annual report.txt"), titles("filename:*.txt -filename:報告"));
        assertEquals(Set.of(), titles("filename:1"), "neither the maildir file 1. nor a nameless attachment");
        assertEquals(Set.of(), titles("filename:attachment"));
        assertEquals(Set.of("Inner"), titles("filename:forward"), "an attached email keeps its name");
        assertEquals(Set.of("Stored report"), titles("subject:report kind:email"));
    }

    @Test
    void aQuotedLastFirstNameFindsThePerson() {
        for (String q : new String[] {"\"Skilling, Jeff\"", "Skilling, Jeff", "Jeff Skilling", "skilling jeff", "吉田"}) {
            String out = Cli.out("people", "--archive", archive.toString(), "--format", "json", q);
            assertTrue(out.contains(q.equals("吉田") ? "manabu.yoshida@example.jp" : "jeff.skilling@enron.com"),
                    q + ": " + out);
        }
        String quoted = Cli.out("people", "--archive", archive.toString(), "--format", "json", "\"skilling jeff\"");
        assertFalse(quoted.contains("jeff.skilling@enron.com"), "quoted, the words are taken as written: " + quoted);
    }

    private static Set<String> titles(String query) throws QueryException {
        Set<String> out = new TreeSet<>();
        for (Hit h : searcher.search(new SearchRequest(query, null, 0, 100, false, false)).hits()) out.add(h.title());
        return out;
    }

    private static String encoded(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String textPart(String disposition, String text) {
        return "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; " + disposition
                + "\n\n" + text + "\n";
    }

    /** One mbox message, multipart when it has parts (each starting with --b). */
    private static String mail(String subject, String from, String to, String id, String body, String... parts) {
        String head = "From x@x Mon May 14 16:39:00 2001\nFrom: " + from + "\nTo: " + to + "\nSubject: " + subject
                + "\nMessage-ID: " + id + "\nDate: Mon, 14 May 2001 16:39:00 +0000\nMIME-Version: 1.0\n";
        String joined = String.join("", parts);
        if (joined.isEmpty()) return head + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n";
        return head + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                + body + "\n" + joined + "--b--\n";
    }
}
