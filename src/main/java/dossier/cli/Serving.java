package dossier.cli;

import dossier.index.Archive;
import dossier.web.WebServer;
import java.util.concurrent.CountDownLatch;

/** Serves an archive until the process is stopped: shared by {@code serve} and {@code demo}. */
final class Serving {
    private Serving() {}

    static int serve(Archive archive, String host, int port) {
        WebServer web;
        try {
            web = WebServer.start(archive, host, port);
        } catch (IllegalStateException e) {
            System.err.println("dossier: " + e.getMessage());
            return Main.FAILURE;
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        System.err.println("Serving " + archive.dir() + " at http://" + shownHost + ":" + web.port() + "/  (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop();
            stopped.countDown();
        }, "dossier-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            web.stop();
        }
        return Main.OK;
    }
}
