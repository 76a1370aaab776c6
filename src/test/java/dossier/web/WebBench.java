package dossier.web;

import dossier.index.Archive;
import dossier.search.BreakdownCache;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Search page and API latency over HTTP on loopback: p50 and p99 for one client and for 50 concurrent clients, a
 * bounded number of requests each, against an existing archive. Not a test: run it by hand and copy the figures.
 *
 * <pre>
 * mvn21 -q test-compile
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dossier.web.WebBench ARCHIVE_DIR [REQUESTS]
 * </pre>
 *
 * Prints the machine, the time to start and answer the first query, then one line per scenario.
 */
public final class WebBench {
    private WebBench() {}

    /** Queries a reader might type: words, phrases, operators, dates, sorts and deep pages. */
    static final List<String> PATHS = List.of(
            "/search?q=budget", "/search?q=meeting+schedule", "/search?q=%22conference+call%22",
            "/search?q=from%3Askilling", "/search?q=has%3Aattachment+contract", "/search?q=date%3A2001-05",
            "/search?q=energy&sort=newest", "/search?q=*&sort=oldest&page=50", "/search?q=*&page=3",
            "/search?q=type%3Apdf", "/search?q=negotiat*", "/search?q=california+power");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WebBench ARCHIVE_DIR [REQUESTS_PER_SCENARIO, default 2000]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no archive at " + dir);
        System.out.println("Machine: " + machine());
        long t0 = System.nanoTime();
        WebServer web = WebServer.start(Archive.open(dir), "127.0.0.1", 0);
        String base = "http://127.0.0.1:" + web.port();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int firstStatus = get(client, base + "/search?q=budget");
        System.out.printf(Locale.ROOT, "Start and first search page: %.0f ms (status %d), archive %s, %s items%n",
                (System.nanoTime() - t0) / 1e6, firstStatus, dir, Archive.open(dir).info().counts().getOrDefault("items", -1L));
        try {
            for (String kind : List.of("search page", "API")) {
                List<String> paths = kind.equals("API") ? PATHS.stream().map(p -> p.replace("/search?", "/api/v1/search?")).toList() : PATHS;
                run(client, base, paths, 1, Math.min(200, requests / 10), true); // warm-up
                for (int clients : new int[] {1, 50}) run(client, base, paths, clients, requests, false, kind);
            }
        } finally {
            web.stop();
        }
        // The same pages with every facet count and histogram computed afresh: what a query nobody asked before costs.
        WebServer fresh = WebServer.start(Archive.open(dir), "127.0.0.1", 0, BreakdownCache.none());
        try {
            String freshBase = "http://127.0.0.1:" + fresh.port();
            run(client, freshBase, PATHS, 1, Math.min(200, requests / 10), true);
            for (int clients : new int[] {1, 50}) run(client, freshBase, PATHS, clients, requests, false, "page, no cache");
        } finally {
            fresh.stop();
        }
    }

    private static void run(HttpClient client, String base, List<String> paths, int clients, int requests, boolean warmup) throws Exception {
        run(client, base, paths, clients, requests, warmup, "");
    }

    private static void run(HttpClient client, String base, List<String> paths, int clients, int requests, boolean warmup,
                            String kind) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    long t = System.nanoTime();
                    int status = get(client, base + paths.get(i % paths.size()));
                    nanos[i] = System.nanoTime() - t;
                    if (status != 200) errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (warmup) return;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-14s %2d client%s  %,6d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  %,7.0f req/s  %d errors%n",
                kind, clients, clients == 1 ? " " : "s", requests, pct(nanos, 50), pct(nanos, 99), nanos[nanos.length - 1] / 1e6,
                requests / seconds, errors.get());
    }

    private static int get(HttpClient client, String url) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (Exception notLinux) {
            // the core count still says enough
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB heap max, Java %s, %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
