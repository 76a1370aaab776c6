package dossier.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The archive's own static files (style sheet, the small enhancing script, icon, OpenAPI description), read once from
 * the jar's {@code web/} folder. Only the names listed here are served: nothing is looked up from the request path.
 */
final class StaticFiles {
    private StaticFiles() {}

    private record File(byte[] bytes, String type) {}

    private static final Map<String, File> FILES = Map.of(
            "dossier.css", load("dossier.css", "text/css; charset=utf-8"),
            "dossier.js", load("dossier.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("favicon.svg", "image/svg+xml"),
            "openapi.json", load("openapi.json", "application/json; charset=utf-8"));

    static void send(Context ctx, String name) {
        File f = FILES.get(name);
        if (f == null) throw WebError.notFound("There is no file " + Params.cut(name) + ".");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(f.type()).result(f.bytes());
    }

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource web/" + name);
            return new File(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
