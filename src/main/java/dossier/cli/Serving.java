package dossier.cli;

import dossier.index.Archive;

/** Serves an archive until the process is stopped; the web stage plugs in here. */
final class Serving {
    private Serving() {}

    static int serve(Archive archive, String host, int port) {
        System.err.println("demo: the web archive is not built yet; search with: dossier search --archive " + archive.dir() + " QUERY");
        return Main.OK;
    }
}
