package dossier.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.index.Schema;
import dossier.model.Item;
import dossier.model.Kind;
import dossier.testutil.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known-item search quality over Enron mail: for emails picked with a fixed seed, five queries a reader might type
 * (rare words, subject words plus the sender, other inflections, a phrase, words plus the month) should find the
 * email first. Reports MRR@10 per query kind and overall; fails below 0.89.
 */
class SearchQualityTest {
    @TempDir static Path tmp;

    @Test
    void knownItemSearchesFindTheMessageFirst() throws Exception {
        Path corpus = Corpora.get("enron-maildir");
        Archive archive = Archive.create(tmp.resolve("enron"), "enron");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(corpus), (f, b) -> Progress.silent());
        Map<String, List<Double>> rr = new LinkedHashMap<>();
        try (Searcher s = Searcher.open(archive)) {
            long max = s.count("*");
            SplittableRandom random = new SplittableRandom(7);
            int picked = 0;
            for (int tries = 0; picked < 200 && tries < 5000; tries++) {
                Optional<Item> maybe = s.item(1 + random.nextLong(max));
                if (maybe.isEmpty() || maybe.get().kind() != Kind.EMAIL) continue;
                Item it = maybe.get();
                String own = ownText(it.text());
                List<String> words = words(own);
                List<String> phraseWindow = phraseWindow(own, random);
                if (words.size() < 30 || phraseWindow == null) continue;
                picked++;
                List<String> rare = rarest(s, words, 3);
                record(rr, "rare words", s, it, String.join(" ", rare));
                String subject = it.email().subject().replaceAll("(?i)^((re|fw|fwd)\\s*:\\s*)+", "").replaceAll("[^\\p{L}\\p{N} ]", " ").strip();
                String sender = it.email().from().isEmpty() ? "" : it.email().from().get(0).address().isEmpty()
                        ? "\"" + it.email().from().get(0).name().replace("\"", "") + "\"" : it.email().from().get(0).address();
                if (!subject.isEmpty() && !sender.isBlank() && !sender.equals("\"\"")) {
                    record(rr, "subject + from", s, it, subject + " from:" + sender);
                }
                record(rr, "inflection", s, it, String.join(" ", rare.stream().map(SearchQualityTest::inflect).toList()));
                record(rr, "phrase", s, it, "\"" + String.join(" ", phraseWindow) + "\"");
                if (it.date() != null) {
                    var d = it.date().atOffset(ZoneOffset.UTC);
                    record(rr, "words + month", s, it, String.join(" ", rarest(s, words, 2))
                            + String.format(Locale.ROOT, " date:%04d-%02d", d.getYear(), d.getMonthValue()));
                }
            }
        }
        StringBuilder report = new StringBuilder("Known-item MRR@10 over enron-maildir (200 emails, seed 7):\n");
        List<Double> all = new ArrayList<>();
        rr.forEach((kind, list) -> {
            all.addAll(list);
            report.append(String.format(Locale.ROOT, "  %-15s %.3f  (%d queries)%n", kind, mean(list), list.size()));
        });
        report.append(String.format(Locale.ROOT, "  %-15s %.3f  (%d queries)%n", "overall", mean(all), all.size()));
        System.out.print(report);
        Files.writeString(Path.of("target", "search-quality.txt"), report);
        assertTrue(mean(all) >= 0.89, report.toString()); // measured 0.904 (BENCHMARKS.md); a drop means ranking or analysis broke
    }

    private static void record(Map<String, List<Double>> rr, String kind, Searcher s, Item it, String query) throws Exception {
        SearchResult r = s.search(new SearchRequest(query, SearchRequest.Order.RELEVANCE, 0, 10, false, false));
        double score = 0;
        for (int i = 0; i < r.hits().size(); i++) {
            if (r.hits().get(i).id() == it.id()) {
                score = 1.0 / (i + 1);
                break;
            }
        }
        rr.computeIfAbsent(kind, k -> new ArrayList<>()).add(score);
        if (score < 1 && System.getenv("QUALITY_DEBUG") != null
                && (System.getenv("QUALITY_DEBUG").equals("all") || System.getenv("QUALITY_DEBUG").equals(kind))) {
            System.out.println("MISS " + kind + " [" + query + "] rr " + score + " target " + it.id() + " " + it.source() + " | " + it.title() + " | " + it.date());
            for (int i = 0; i < Math.min(3, r.hits().size()); i++) {
                var h = r.hits().get(i);
                System.out.println("   " + h.id() + " " + h.source() + " | " + h.title() + " | " + h.from() + " " + h.date());
            }
        }
    }

    /**
     * The message's own text: before the quoted or forwarded message it carries, which a reader remembers as
     * another email's (and which another email holds too).
     */
    static String ownText(String text) {
        String[] markers = {"-----Original Message-----", "----- Forwarded by", "-----Original", "\nFrom:", "wrote:\n",
                "---------------------- Forwarded", "\n>"};
        int cut = text.length();
        for (String m : markers) {
            int i = text.indexOf(m);
            if (i >= 0 && i < cut) cut = i;
        }
        return text.substring(0, cut);
    }

    /** Five consecutive words of letters only, as a reader would quote them, or null when the text has none. */
    private static List<String> phraseWindow(String text, SplittableRandom random) {
        String[] tokens = text.split("\\s+");
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 5 <= tokens.length; i++) {
            boolean ok = true;
            for (int j = i; j < i + 5 && ok; j++) ok = tokens[j].matches("\\p{L}+");
            if (ok) starts.add(i);
        }
        if (starts.isEmpty()) return null;
        int start = starts.get(random.nextInt(starts.size()));
        return List.of(tokens).subList(start, start + 5);
    }

    /** Plain words of the body, lower case, no quoted lines or headers of forwarded mail. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(">")) continue;
            for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) if (w.length() > 2) out.add(w);
        }
        return out;
    }

    private static List<String> rarest(Searcher s, List<String> words, int n) throws Exception {
        var reader = s.lucene().getIndexReader();
        Map<String, Integer> df = new LinkedHashMap<>();
        for (String w : words) if (!df.containsKey(w)) df.put(w, reader.docFreq(new Term(Schema.EXACT, w)));
        return df.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Another form of the word a reader might type: plural and singular, -ing and -ed. */
    static String inflect(String w) {
        if (w.endsWith("ing") && w.length() > 5) return w.substring(0, w.length() - 3) + "ed";
        if (w.endsWith("ed") && w.length() > 4) return w.substring(0, w.length() - 2) + "ing";
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) return w.substring(0, w.length() - 1);
        return w + "s";
    }

    private static double mean(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
