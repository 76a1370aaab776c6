package dossier.parse.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first line a worker says on stderr, which becomes the reason of a failed start. */
class StderrPumpTest {
    private static String firstLineOf(String script) throws Exception {
        Process p = new ProcessBuilder(List.of("sh", "-c", script)).start();
        StderrPump pump = StderrPump.start(p);
        p.waitFor();
        return pump.firstLineAtEnd();
    }

    @Test
    void theFirstNonBlankLineIsKept() throws Exception {
        assertEquals("Unrecognized VM option 'X'", firstLineOf(
                "printf '\\n  \\nUnrecognized VM option '\"'X'\"'\\nError: Could not create the Java Virtual Machine.\\n' >&2; exit 1"));
    }

    @Test
    void wordsWithoutAnEndOfLineAreKeptToo() throws Exception {
        assertEquals("killed mid-sentence", firstLineOf("printf 'killed mid-sentence' >&2; exit 3"));
    }

    @Test
    void silenceIsEmpty() throws Exception {
        assertEquals("", firstLineOf("exit 1"));
    }
}
