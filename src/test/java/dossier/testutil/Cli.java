package dossier.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a real command in this JVM, as {@code ./dossier ARGS...} would. */
public final class Cli {
    private Cli() {}

    /** What the command printed on stdout; it must succeed (status 0). */
    public static String out(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
