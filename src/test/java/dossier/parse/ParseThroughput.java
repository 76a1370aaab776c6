package dossier.parse;

import dossier.model.Limits;
import dossier.model.RawInput;
import dossier.testutil.Corpora;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures parse cost over all of enron-maildir (not a test: run it by hand). Files are read into memory first so
 * only parsing is timed; prints the machine, emails/s on N threads and CPU microseconds per email.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dossier.parse.ParseThroughput [threads] [rounds]
 * </pre>
 */
public final class ParseThroughput {
    private ParseThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<byte[]> mails = load(Corpora.get("enron-maildir"));
        long bytes = mails.stream().mapToLong(b -> b.length).sum();
        System.out.printf("machine: %s, %d cores, Java %s%n", System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("corpus: %d emails, %.1f MB%n", mails.size(), bytes / 1e6);
        Parser parser = new Parser(Limits.DEFAULT);
        for (int round = 1; round <= rounds; round++) { // the first round includes JIT warm-up
            long cpu0 = cpuNanos(), t0 = System.nanoTime();
            long items = run(parser, mails, threads);
            double secs = (System.nanoTime() - t0) / 1e9, cpu = (cpuNanos() - cpu0) / 1e9;
            System.out.printf("round %d: %d emails in %.2f s on %d threads = %.0f emails/s; CPU %.1f us/email%n",
                    round, items, secs, threads, items / secs, cpu * 1e6 / items);
        }
    }

    private static long run(Parser parser, List<byte[]> mails, int threads) throws Exception {
        AtomicLong next = new AtomicLong(), emails = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < mails.size(); ) {
                    var r = parser.parse(new RawInput("enron#" + i, "", RawInput.Hint.EMAIL, mails.get((int) i)));
                    if (r.item() != null) emails.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return emails.get();
    }

    private static List<byte[]> load(Path root) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.getFileName().toString().equals("SOURCE.md")) out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
