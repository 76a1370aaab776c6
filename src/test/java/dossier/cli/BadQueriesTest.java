package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries that are wrong only once they meet the index, or only in what they name, over a real archive. */
class BadQueriesTest {
    @TempDir static Path tmp;
    private static String archive;

    @BeforeAll
    static void ingest() throws Exception {
        // Every two-letter word: each ~2 word below is within two edits of all of them.
        StringBuilder words = new StringBuilder();
        for (char a = 'a'; a <= 'z'; a++) for (char b = 'a'; b <= 'z'; b++) words.append(a).append(b).append(' ');
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.writeString(dump.resolve("words.txt"), words + "\n");
        archive = tmp.resolve("a").toString();
        assertEquals(0, Main.run("ingest", "--archive", archive, "--no-ocr", dump.toString()));
    }

    @Test
    void fuzzyWordsThatExpandPastLucenesLimitAreABadQuery() {
        StringBuilder fuzzy = new StringBuilder(); // 40 words, each expanding to up to 50 of the index
        for (char a = 'a'; a < 'e'; a++) for (char b = 'a'; b < 'k'; b++) fuzzy.append(a).append(b).append("~2 ");
        String query = fuzzy.toString().strip();
        for (String command : new String[] {"count", "search"}) {
            Run r = run(command, "--archive", archive, query);
            assertEquals(Main.USAGE, r.status, command + ": " + r.err);
            assertTrue(r.err.startsWith("dossier: bad query: too many words: the query's wildcards and fuzzy words"),
                    r.err);
        }
        assertEquals(Main.OK, run("count", "--archive", archive, "on~2").status);
    }

    @Test
    void anUnknownOperatorIsABadQueryNotAnEmptyResult() {
        Run r = run("count", "--archive", archive, "ab title:merger");
        assertEquals(Main.USAGE, r.status, r.err);
        assertTrue(r.err.contains("unknown operator title: (the operators are from: to:"), r.err);
    }

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        PrintStream out0 = System.out, err0 = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
    }
}
