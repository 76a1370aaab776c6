package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.cli.Main;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dossier serve}: help, bad options, a missing archive and a taken port each end with the right status. */
class ServeCommandTest {
    @TempDir Path dir;

    @Test
    void helpExitsZero() {
        assertEquals(Main.OK, Main.run("serve", "--help"));
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(Main.USAGE, Main.run("serve", "--port", "eighty"));
        assertEquals(Main.USAGE, Main.run("serve", "--port", "70000"));
        assertEquals(Main.USAGE, Main.run("serve", "--colour"));
    }

    @Test
    void aMissingArchiveExitsOne() {
        assertEquals(Main.FAILURE, Main.run("serve", "--archive", dir.resolve("none").toString(), "--port", "0"));
    }

    @Test
    void aTakenPortExitsOne() throws Exception {
        WebFixtures.build(dir.resolve("archive"), 9);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Main.FAILURE, Main.run("serve", "--archive", dir.resolve("archive").toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(taken.getLocalPort())));
        }
    }
}
