package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real command line in-process and returns what it printed on stdout. */
final class Cli {
    private Cli() {}

    static synchronized String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, Main.run(args), String.join(" ", args));
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
