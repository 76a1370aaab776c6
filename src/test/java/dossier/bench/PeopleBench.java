package dossier.bench;

import dossier.index.Archive;
import dossier.people.Directory;
import dossier.people.PersonSummary;
import dossier.search.Searcher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Latency of the data behind the people pages on an existing archive: the directory's first load, the people list
 * (by volume, by name, filtered), the biggest person's page with the SVG, a connection between them and their
 * strongest correspondent, and the biggest thread. Prints p50 and p99 over repeated runs; not a test.
 * Run: {@code java -cp ... dossier.bench.PeopleBench ARCHIVE [ROUNDS]}.
 */
public final class PeopleBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "archive");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (Searcher s = Searcher.open(Archive.open(dir))) {
            Directory people = Directory.open(s);
            long t0 = System.nanoTime();
            long total = people.people("", Directory.Order.VOLUME, 0, 1).total();
            double load = (System.nanoTime() - t0) / 1e6;
            PersonSummary top = people.people("", Directory.Order.VOLUME, 0, 1).hits().get(0);
            var page = people.person(top.key(), 0, 50).orElseThrow();
            String other = page.correspondents().isEmpty() ? top.key() : page.correspondents().get(0).key();
            long thread = page.emails().hits().isEmpty() ? 0 : page.emails().hits().get(0).thread();
            System.out.println("machine: " + Machine.describe());
            System.out.printf("archive: %s, %d items, %d people; directory first load %.1f ms%n", dir, s.count("*"), total, load);
            System.out.printf("biggest person: %s (%d emails); strongest correspondent: %s%n", top.key(), top.emails(), other);
            time("people directory, by volume, 50", rounds, () -> people.people("", Directory.Order.VOLUME, 0, 50));
            time("people directory, by name, 50", rounds, () -> people.people("", Directory.Order.NAME, 0, 50));
            time("people directory, filtered 'an'", rounds, () -> people.people("an", Directory.Order.VOLUME, 0, 50));
            time("biggest person's page (50 emails)", rounds, () -> people.person(top.key(), 0, 50));
            time("biggest person's SVG", rounds, () -> people.graph(top.key()));
            time("connection with strongest correspondent", rounds, () -> people.connection(top.key(), other, 0, 50));
            String domain = top.addresses().isEmpty() ? "example.com" : top.addresses().get(0).substring(top.addresses().get(0).indexOf('@') + 1);
            time("connection person – own domain " + domain, rounds, () -> people.connection(top.key(), domain, 0, 50));
            if (thread > 0) time("thread " + thread, rounds, () -> people.thread(thread));
        }
    }

    private static void time(String what, int rounds, Supplier<?> run) {
        for (int i = 0; i < Math.min(50, rounds); i++) run.get();
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            run.get();
            samples[i] = System.nanoTime() - t;
        }
        Arrays.sort(samples);
        System.out.printf("%-45s p50 %7.2f ms  p99 %7.2f ms%n", what, Machine.percentile(samples, 50), Machine.percentile(samples, 99));
    }
}
