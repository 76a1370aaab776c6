package dossier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.cli.Main;
import dossier.index.Archive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hit's snippet marks: the words the query matched in the text, whole words as written when a match was made
 * through an apostrophe, over an archive ingested by the real command from a dump written here. Each text opens with
 * sentences that match nothing, so a snippet that marks nothing shows them instead of the match.
 */
class SnippetsTest {
    private static final String OPENING = "The quarterly figures are attached. Please review them before the meeting "
            + "on Thursday. Nothing else is new this week. ";

    @TempDir static Path tmp;
    private static Searcher searcher;

    @BeforeAll
    static void ingest() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.writeString(dump.resolve("mail.mbox"), String.join("",
                mail("Lunch", "LET'S DO LUNCH on Friday."),
                mail("Lunch, typeset", "LET\u2019S DO LUNCH on Monday."),
                mail("Lunch, no apostrophe", "lets do lunch on Tuesday."),
                mail("O'Neil", "Ask O'Neil about the contract."),
                mail("O'Neil, typeset", "Ask O\u2019Neil\u2019s assistant."),
                mail("Oneil", "Oneil signed it."),
                mail("Maybe lunch", "I do not know if we can do lunch."),
                mail("Let's talk", "Nothing to add.")), StandardCharsets.UTF_8);
        Path archive = tmp.resolve("a");
        assertEquals(0, Main.run("ingest", "--no-ocr", "--archive", archive.toString(), dump.toString()));
        searcher = Searcher.open(Archive.open(archive));
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @Test
    void aPhraseFoundWithoutItsApostropheMarksTheWholeWord() throws Exception {
        Map<String, List<String>> marks = marks("\"lets do lunch\"");
        assertEquals(List.of("LET'S", "DO", "LUNCH"), words(marks.get("Lunch")), marks.toString());
        assertEquals(List.of("LET\u2019S", "DO", "LUNCH"), words(marks.get("Lunch, typeset")), marks.toString());
        assertEquals(List.of("lets", "do", "lunch"), words(marks.get("Lunch, no apostrophe")), marks.toString());
    }

    @Test
    void aPhraseWithAnApostropheMarksTheWordsWithOrWithoutIt() throws Exception {
        for (String q : new String[] {"\"let's do lunch\"", "\"let\u2019s do lunch\""}) {
            Map<String, List<String>> marks = marks(q);
            assertEquals(List.of("LET'S", "DO", "LUNCH"), words(marks.get("Lunch")), q + ": " + marks);
            assertEquals(List.of("LET\u2019S", "DO", "LUNCH"), words(marks.get("Lunch, typeset")), q + ": " + marks);
            assertEquals(List.of("lets", "do", "lunch"), words(marks.get("Lunch, no apostrophe")), q + ": " + marks);
        }
    }

    @Test
    void aWordWithAnApostropheMarksTheWholeWord() throws Exception {
        assertEquals(Map.of("Lunch", List.of("LET'S"), "Lunch, typeset", List.of("LET\u2019S"), "Let's talk", List.of()),
                marks("let's"), "the subject matched Let's talk: its text has nothing to mark");
        assertEquals(marks("let's"), marks("let\u2019s"));
        assertEquals(Map.of("O'Neil", List.of("O'Neil"), "O'Neil, typeset", List.of("O\u2019Neil")), marks("o'neil"));
        assertEquals(marks("o'neil"), marks("o\u2019neil"));
        assertEquals(Map.of("O'Neil, typeset", List.of("O\u2019Neil\u2019s")), marks("o'neil's"));
        assertEquals(Map.of("Oneil", List.of("Oneil"), "O'Neil", List.of("O'Neil"), "O'Neil, typeset",
                List.of("O\u2019Neil")), marks("\"o'neil\""));
    }

    @Test
    void wildcardsMarkTheWordsTheyMatched() throws Exception {
        Map<String, List<String>> marks = marks("lunc*");
        assertEquals(List.of("LUNCH"), marks.get("Lunch"), marks.toString());
        assertEquals(List.of("LUNCH"), marks.get("Lunch, typeset"), marks.toString());
        assertEquals(List.of("lunch"), marks.get("Lunch, no apostrophe"), marks.toString());
        marks = marks("let*");
        assertEquals(List.of("LET"), marks.get("Lunch"), "the index has LET'S as let and s: " + marks);
        assertEquals(List.of("lets"), marks.get("Lunch, no apostrophe"), marks.toString());
        assertEquals(Map.of("O'Neil", List.of("Neil"), "O'Neil, typeset", List.of("Neil")), marks("n?il"));
    }

    @Test
    void aWildcardBesideAWordMarksBoth() throws Exception {
        // The word is stemmed (contract), the wildcard looks in the unstemmed words: each is marked.
        assertEquals(Map.of("O'Neil", List.of("Neil", "contract")), marks("n?il contracts"));
        assertEquals(Map.of("O'Neil", List.of("Neil", "contract"), "O'Neil, typeset", List.of("Neil")),
                marks("contracts OR nei*"));
    }

    @Test
    void fuzzyWordsMarkTheWordsTheyMatched() throws Exception {
        assertEquals(Map.of("Oneil", List.of("Oneil"), "O'Neil", List.of("Neil"), "O'Neil, typeset", List.of("Neil")),
                marks("oneil~1"), "neil is one edit from oneil");
        assertEquals(List.of("lunch"), marks("lunches~2").get("Lunch, no apostrophe"));
    }

    @Test
    void aQuotedWordMarksOnlyThePhraseNotEveryWordRequiredAsWritten() throws Exception {
        assertEquals(Map.of("Lunch", List.of("DO LUNCH"), "Lunch, typeset", List.of("DO LUNCH"),
                "Lunch, no apostrophe", List.of("do lunch"), "Maybe lunch", List.of("do lunch")), marks("\"do lunch\""));
    }

    @Test
    void aSubjectPhraseMarksNothingInTheText() throws Exception {
        assertEquals(Map.of("Let's talk", List.of()), marks("subject:\"let's talk\""));
    }

    /** The marked words of the snippet of each hit, by title. */
    private static Map<String, List<String>> marks(String query) throws QueryException {
        Map<String, List<String>> out = new TreeMap<>();
        for (Hit h : searcher.search(new SearchRequest(query, null, 0, 100, false, true)).hits()) {
            List<String> marked = new ArrayList<>();
            String s = h.snippet();
            for (int end = 0, start; (start = s.indexOf(Snippets.START, end)) >= 0; ) {
                end = s.indexOf(Snippets.END, start);
                marked.add(s.substring(start + 1, end));
            }
            out.put(h.title(), marked);
        }
        return out;
    }

    /** The marked text split into words, whether a phrase was marked whole or word by word. */
    private static List<String> words(List<String> marks) {
        return marks == null ? null : List.of(String.join(" ", marks).split(" "));
    }

    private static String mail(String subject, String body) {
        return "From x@x Mon May 14 16:39:00 2001\nFrom: a@example.com\nTo: b@example.com\nSubject: " + subject
                + "\nMessage-ID: <" + subject.hashCode() + "@x>\nDate: Mon, 14 May 2001 16:39:00 +0000\n"
                + "Content-Type: text/plain; charset=utf-8\n\n" + OPENING + body + "\n\n";
    }
}
