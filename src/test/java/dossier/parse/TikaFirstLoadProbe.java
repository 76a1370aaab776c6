package dossier.parse;

import java.nio.charset.StandardCharsets;

/**
 * Run in a JVM of its own by {@link TikaFirstLoadTest}, so that Tika is not loaded yet: the first use of Tika comes from
 * an interrupted thread, as from a parse the ingest gave up on, then another thread uses it. Prints what each got.
 */
public final class TikaFirstLoadProbe {
    public static void main(String[] args) throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Thread first = new Thread(() -> {
            Thread.currentThread().interrupt();
            String got;
            try {
                got = TextExtractor.detect(pdf, "a.pdf");
            } catch (Throwable t) {
                got = t.toString();
            }
            System.out.println("interrupted first: " + got + ", still interrupted: " + Thread.currentThread().isInterrupted());
        });
        first.start();
        first.join();
        String got;
        try {
            got = TextExtractor.detect(pdf, "b.pdf");
        } catch (Throwable t) {
            got = t.toString();
        }
        System.out.println("then: " + got);
    }
}
