package dossier.bench;

import dossier.index.Archive;
import dossier.index.Schema;
import dossier.model.Kind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The least an ingest of these emails could cost: Lucene alone indexing each email's subject and text, as an archive
 * holds them, in one analysed field with positions (what phrase search needs), on as many threads as there are
 * cores, with the text already in memory. Nothing else of Dossier runs: no reading from disk, no MIME parsing, no
 * charsets, no hashing, no stemming, no unstemmed words, no stored fields, no address or date fields, no blobs. An
 * ingest does all of that too, so its emails per second cannot beat this figure on the same machine and JIT.
 *
 * <p>The emails are those of {@code ARCHIVE} (for instance one {@code bench/ingest} made). Each round writes a fresh
 * index under {@code DIR}; the first round of a JVM is the cold one an ingest lives in.
 *
 * <pre>{@code bench/floor ARCHIVE                # both JIT set-ups, three JVMs each
 * java … dossier.bench.LuceneFloorBench DIR ROUNDS ARCHIVE}</pre>
 */
public final class LuceneFloorBench {
    private LuceneFloorBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LuceneFloorBench DIR ROUNDS ARCHIVE");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> emails = new ArrayList<>();
        long bytes = 0;
        // What the ingest indexed of each email: its subject and text as stored (the plain body, or the HTML body's
        // text; decoded, without headers, markup or attachments).
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Archive.open(Path.of(args[2])).indexDir()))) {
            Set<String> fields = Set.of(Schema.KIND, Schema.TITLE, Schema.TEXT);
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    Document d = stored.document(doc, fields);
                    if (!Kind.EMAIL.label().equals(d.get(Schema.KIND))) continue;
                    String text = Objects.requireNonNullElse(d.get(Schema.TITLE), "") + "\n" + Objects.requireNonNullElse(d.get(Schema.TEXT), "");
                    emails.add(text);
                    bytes += text.getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%,d emails (%.1f MB of subject and text), %d indexing threads%n",
                emails.size(), bytes / 1e6, threads);
        for (int r = 0; r < rounds; r++) {
            Path index = dir.resolve("round" + r);
            delete(index);
            long t0 = System.nanoTime(), cpu0 = os.getProcessCpuTime();
            index(emails, index, threads);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "round %d%s: %.2f s, CPU %.2f s, %,.0f emails/s%n",
                    r, r == 0 ? " (cold)" : "", s, (os.getProcessCpuTime() - cpu0) / 1e9, emails.size() / s);
            delete(index);
        }
    }

    private static void index(List<String> emails, Path index, int threads) throws Exception {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), config)) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < emails.size(); ) {
                            Document d = new Document();
                            d.add(new TextField("text", emails.get(i), Field.Store.NO));
                            writer.addDocument(d);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) f.get();
            } finally {
                pool.shutdown();
            }
            writer.commit();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
