package dossier.web;

import dossier.index.Archive;
import dossier.model.Terminal;
import dossier.search.BreakdownCache;
import dossier.search.QueryException;
import dossier.search.Searcher;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web archive of DESIGN 6 over one archive directory: read-only pages and a JSON API on Javalin (Jetty), with the
 * reader-safety headers on every response.
 *
 * <pre>{@code
 * WebServer web = WebServer.start(Archive.open(dir), "127.0.0.1", 0);
 * URI home = URI.create("http://127.0.0.1:" + web.port() + "/");
 * web.stop();
 * }</pre>
 *
 * <p>Thread-safe: requests run concurrently over one shared {@link Searcher}.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** No script, style, image or frame from anywhere but the archive; no inline script or style; never framed. */
    public static final String CSP = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Marks a response already written by an error handler, so the 404 fallback leaves it alone. */
    private static final String HANDLED = "dossier.error";

    private final Javalin app;
    private final Searcher searcher;
    private final AtomicLong failures;
    private final AtomicBoolean stopping;

    private WebServer(Javalin app, Searcher searcher, AtomicLong failures, AtomicBoolean stopping) {
        this.app = app;
        this.searcher = searcher;
        this.failures = failures;
        this.stopping = stopping;
    }

    /**
     * Opens the archive's index and serves it on host:port (port 0 picks a free port). Throws
     * {@link Archive.ArchiveException} when the archive has no index, and {@link IllegalStateException} with a clear
     * message when the port cannot be bound.
     */
    public static WebServer start(Archive archive, String host, int port) {
        return start(archive, host, port, BreakdownCache.standard());
    }

    /** As {@link #start(Archive, String, int)}, keeping the facet counts of broad searches in the cache given. */
    public static WebServer start(Archive archive, String host, int port, BreakdownCache breakdowns) {
        // Opening the index and starting Jetty each take a moment: do both at once so the first answer comes sooner.
        CompletableFuture<Searcher> opening = CompletableFuture.supplyAsync(() -> Searcher.open(archive, breakdowns));
        Site site = new Site(archive, opening);
        AtomicLong failures = new AtomicLong();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.router.ignoreTrailingSlashes = true;
            // Long queries in the URL must reach us so we can answer with a readable 400, not Jetty's 431.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(64 * 1024);
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.routes.before(WebServer::securityHeaders);
            Routes.register(config.routes, site);
            config.routes.exception(WebError.class, (e, ctx) -> error(site, ctx, e.status(), e.getMessage()));
            config.routes.exception(QueryException.class, (e, ctx) -> error(site, ctx, 400, "The query cannot be read: " + e.getMessage()));
            config.routes.exception(IndexSearcher.TooManyClauses.class,
                    (e, ctx) -> error(site, ctx, 400, "The query expands to too many terms; make wildcards and fuzzy terms more specific."));
            config.routes.exception(Exception.class, (e, ctx) -> {
                failures.incrementAndGet();
                LOG.error("unexpected failure answering {} {}", ctx.method(), Terminal.line(ctx.path()), e);
                ctx.attribute(HANDLED, true);
                ctx.status(500).contentType("text/plain; charset=utf-8").result("500: something went wrong on the server.\n");
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(HANDLED) == null) error(site, ctx, 404, "There is no page at " + Params.cut(ctx.path()) + ".");
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(HANDLED) == null) error(site, ctx, 405, "This archive is read-only: only GET requests are answered.");
            });
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            opening.thenAccept(WebServer::closeQuietly);
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        Searcher searcher;
        try {
            searcher = opening.join();
        } catch (CompletionException e) {
            app.stop();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        // Work the first visitors would wait for, done now on another thread: the people directory every search page's
        // sender and recipient links look up, then the home page's summary, which counts every item (and keeps the
        // breakdown of "*").
        AtomicBoolean stopping = new AtomicBoolean();
        CompletableFuture.runAsync(() -> site.people().load()).thenRun(site::summary).exceptionally(e -> {
            // A server stopped at once closes the index under this work: nothing to report then.
            if (!stopping.get()) LOG.warn("preparing the people directory and the archive summary: {}", e.getMessage());
            return null;
        });
        return new WebServer(app, searcher, failures, stopping);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** How many requests failed unexpectedly (answered 500); tests check garbage input never gets here. */
    public long unexpectedFailures() {
        return failures.get();
    }

    /** Stops serving and closes the index. */
    public void stop() {
        stopping.set(true);
        app.stop();
        closeQuietly(searcher);
    }

    /** The headers every response carries, Jetty's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put("Permissions-Policy", "interest-cohort=(), browsing-topics=()");
        return Map.copyOf(h);
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** An error page, or a JSON error under /api/. */
    static void error(Site site, Context ctx, int status, String message) {
        ctx.attribute(HANDLED, true);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Api.error(message));
            return;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            default -> "Error " + status;
        };
        site.render(ctx, "error.jte", new ErrorView(site.frame(title, queryOrEmpty(ctx)), status, title, message));
    }

    private static String queryOrEmpty(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null || q.length() > Params.MAX_QUERY ? "" : q;
    }

    /** What the error page shows. */
    public record ErrorView(Frame frame, int status, String title, String message) {}

    private static void closeQuietly(Searcher s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.warn("closing the index: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
