package dossier.bench;

import dossier.index.Archive;
import dossier.index.Schema;
import dossier.search.SearchRequest;
import dossier.search.Searcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Search latency in process: p50 and p99 over a fixed mix of queries (words sampled from the index with a seed,
 * two-word queries, phrases, operators), 20 hits a page with snippets, as the command line and API ask.
 * Run: {@code bench/search ARCHIVE}.
 */
public final class SearchBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "archive");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (Searcher s = Searcher.open(Archive.open(dir))) {
            List<String> queries = queries(s, 300);
            for (int i = 0; i < 500; i++) run(s, queries.get(i % queries.size()));
            long[] samples = new long[rounds];
            Map<String, List<Long>> byShape = new TreeMap<>();
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                String q = queries.get(i % queries.size());
                long t = System.nanoTime();
                total += run(s, q);
                samples[i] = System.nanoTime() - t;
                byShape.computeIfAbsent(shape(q), k -> new ArrayList<>()).add(samples[i]);
            }
            Arrays.sort(samples);
            System.out.println("machine: " + Machine.describe());
            System.out.printf("archive: %s, %d items%n", dir, s.count("*"));
            System.out.printf("search (20 hits + snippets, %d queries, %d distinct): p50 %.2f ms, p99 %.2f ms, mean hits %d%n",
                    rounds, queries.size(), Machine.percentile(samples, 50), Machine.percentile(samples, 99), total / rounds);
            StringBuilder shapes = new StringBuilder("p50 by query shape:");
            byShape.forEach((shape, times) -> {
                long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
                shapes.append(String.format(" %s %.2f ms (%d),", shape, Machine.percentile(t, 50), t.length));
            });
            System.out.println(shapes.substring(0, shapes.length() - 1));
        }
    }

    /** The shape of one of the {@link #queries}: a word, two words, OR, a word and an operator, a wildcard, all. */
    private static String shape(String q) {
        if (q.equals("*")) return "all";
        if (q.endsWith("*")) return "wildcard";
        if (q.contains(" OR ")) return "or";
        if (q.contains(":")) return "operator";
        return q.contains(" ") ? "two-words" : "word";
    }

    private static long run(Searcher s, String q) throws Exception {
        return s.search(new SearchRequest(q, SearchRequest.Order.RELEVANCE, 0, 20, false, true)).total();
    }

    /** Words with a document frequency between 5 and 5% of the index, sampled with a fixed seed, and combinations. */
    static List<String> queries(Searcher s, int n) throws Exception {
        List<String> words = new ArrayList<>();
        int maxDf = Math.max(10, s.lucene().getIndexReader().maxDoc() / 20);
        for (LeafReaderContext leaf : s.lucene().getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(Schema.EXACT);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null && words.size() < 200_000; t = te.next()) {
                String w = t.utf8ToString();
                if (te.docFreq() >= 5 && te.docFreq() <= maxDf && w.length() > 3 && w.chars().allMatch(Character::isLetter)) words.add(w);
            }
            if (words.size() > 50_000) break;
        }
        SplittableRandom r = new SplittableRandom(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !words.isEmpty(); i++) {
            String a = words.get(r.nextInt(words.size())), b = words.get(r.nextInt(words.size()));
            out.add(switch (i % 6) {
                case 0, 1 -> a;
                case 2 -> a + " " + b;
                case 3 -> a + " OR " + b;
                case 4 -> a + " kind:email";
                default -> a + "*";
            });
        }
        out.add("*");
        return out;
    }
}
