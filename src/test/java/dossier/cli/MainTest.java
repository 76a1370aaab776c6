package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aFailureSaysWhatItsCausesSayThatItDoesNot() {
        var full = new FileSystemException("/a/blobs/.tmp/1-2", null, "No space left on device");
        assertEquals("cannot store blob ab: /a/blobs/.tmp/1-2: No space left on device",
                Main.describe(new UncheckedIOException("cannot store blob ab", full)));
        // A cause whose message is already said, or that has none, adds only what is new.
        assertEquals("cannot read x: java.io.IOException: bad",
                Main.describe(new RuntimeException("cannot read x: java.io.IOException: bad", new IOException("bad"))));
        assertEquals("stopped: IOException", Main.describe(new RuntimeException("stopped", new IOException())));
        assertEquals("java.lang.IllegalStateException", Main.describe(new IllegalStateException()));
    }

    @Test
    void noCommandIsBadUsage() {
        assertEquals(Main.USAGE, Main.run());
        assertEquals(Main.OK, Main.run("--help"));
    }

    @Test
    void everyCommandTellsItsVersionAndTakesFormatsInAnyCase() {
        java.io.PrintStream out0 = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(Main.OK, Main.run("search", "--version"));
        } finally {
            System.setOut(out0);
        }
        assertEquals("dossier " + dossier.index.Version.DOSSIER, out.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        assertEquals(Main.USAGE, Main.run("problems", "--archive", "/nonexistent", "--format", "raw"));
        assertEquals(Main.FAILURE, Main.run("problems", "--archive", "/nonexistent", "--format", "JSON"),
                "JSON is json: the archive is what is missing");
    }
}
