package dossier.cli;

import dossier.index.Archive;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dossier serve}: serves an archive as a web archive and JSON API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves an archive on the web: search, item pages, downloads and the JSON API under /api/v1/.",
                "Read-only; sets its own security headers; prints the address on stderr and runs until stopped (Ctrl-C)."},
        footer = {"", "Examples:", "  dossier serve --archive sony-archive",
                "  dossier serve --archive sony-archive --port 9090",
                "  dossier serve --archive sony-archive --host 0.0.0.0   # every interface; prefer a reverse proxy",
                "", "Behind nginx: proxy_pass http://127.0.0.1:8080; (see docs/WEB.md)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin ArchiveOption archive;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free port (default: 8080).")
    int port = 8080;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) throw new Main.UsageError("--port must be from 0 to 65535, not " + port);
        if (host == null || host.isBlank()) throw new Main.UsageError("--host must not be empty");
        return Serving.serve(Archive.open(archive.dir()), host.strip(), port);
    }
}
