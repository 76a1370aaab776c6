package dossier.cli;

import static dossier.testutil.Cli.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape sequences in a dump (subject, sender's name, body, file name) reach the reader's terminal as pictures, never as
 * commands, in every command's text output; JSON keeps them as the dump had them.
 */
class TerminalOutputTest {
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]");

    @TempDir Path tmp;

    @Test
    void textOutputCarriesNoControlCharactersFromTheDump() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        String esc = "\u001b";
        Files.writeString(dump.resolve("mail.eml"), String.join("\n",
                "From: \"Evil" + esc + "]0;pwned-title\u0007\" <evil@example.com>",
                "To: reader@example.com",
                "Subject: escsubjword " + esc + "[2J" + esc + "[H cleared =?UTF-8?Q?=1B]0;pwn2=07?=",
                "Message-ID: <esc@example.com>",
                "Date: Mon, 2 Jan 2006 10:00:00 +0000",
                "",
                "escbodyword " + esc + "]8;;http://evil.example/\u0007link" + esc + "]8;;\u0007 and \rhidden",
                ""), StandardCharsets.UTF_8);
        Files.write(dump.resolve("empty" + esc + "[31m.eml"), new byte[0]);
        String archive = tmp.resolve("a").toString();
        assertEquals(0, Main.run("ingest", "--archive", archive, "--no-ocr", dump.toString()));

        List<String> outputs = List.of(
                out("search", "--archive", archive, "escsubjword"),
                out("search", "--archive", archive, "escbodyword"),
                out("show", "--archive", archive, "1"),
                out("people", "--archive", archive),
                out("connections", "--archive", archive, "evil@example.com", "reader@example.com"),
                out("problems", "--archive", archive));
        for (String o : outputs) assertFalse(CONTROL.matcher(o).find(), "a control character in:\n" + o);
        String all = String.join("\n", outputs);
        assertTrue(all.contains("escsubjword \u241b[2J\u241b[H cleared \u241b]0;pwn2\u2407"), all);
        // A name's controls are U+FFFD from the start (Address); the ESC before it is read as a space (Addresses).
        assertTrue(all.contains("Evil ]0;pwned-title\uFFFD <evil@example.com>"), all);
        assertTrue(all.contains("empty\u241b[31m.eml"), all);
        assertTrue(all.contains("\u241b]8;;http://evil.example/\u2407link"), all);

        String json = out("show", "--archive", archive, "--format", "json", "1");
        assertTrue(new ObjectMapper().readTree(json).path("title").asText().contains(esc + "[2J"), json);
    }
}
