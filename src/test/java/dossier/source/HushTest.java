package dossier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HushTest {
    @Test
    void whatAHushedThreadPrintsIsDroppedWhileOtherThreadsPrintAsBefore() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream out0 = System.out, err0 = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            System.out.println("before");
            Hush.run(() -> {
                System.out.println("hushed out");
                System.err.print("hushed err, no newline");
                new Exception("hushed trace").printStackTrace();
                Hush.run(() -> System.err.println("hushed twice"));
                System.err.println("still hushed after the inner one ends");
                Thread other = new Thread(() -> System.err.println("another thread, meanwhile"));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            System.out.println("after: é");
            System.err.print("not hushed, no newline");
            System.err.flush();
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
        assertEquals("before\nafter: é\n", out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertEquals("another thread, meanwhile\nnot hushed, no newline",
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
