package dossier.bench;

import dossier.index.Archive;
import dossier.index.PeoplePass;
import dossier.index.PeopleStore;
import dossier.index.Schema;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;

/**
 * Reruns the connections pass that ends every ingest ({@link PeoplePass}) over an existing archive, which it rewrites
 * (with the same result, unless the build changed it): prints the pass's seconds, the process's CPU seconds during
 * it, with {@code --heap} the largest live heap during the pass (a full collection every 20 ms, so slower) and bytes
 * per email, and digests of every email's thread id and of the people directory, so that two builds can be shown to
 * agree. With {@code --unthreaded} every email's thread id is set to 0 first (and committed, outside the figures), so
 * the pass writes every thread id, as the first ingest of a dump does. Not a test. Run:
 * {@code bench/connections ARCHIVE [--heap] [--unthreaded]}; work on a copy of an archive you care about.
 */
public final class ConnectionsBench {
    private static volatile boolean running = true;
    private static long maxLive;

    public static void main(String[] args) throws Exception {
        Archive archive = Archive.open(Path.of(args[0]));
        java.util.List<String> options = java.util.List.of(args).subList(1, args.length);
        boolean heap = options.contains("--heap");
        if (options.contains("--unthreaded")) unthread(archive);
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // The ingest's indexing buffer, which also holds the thread ids the pass writes until Lucene applies them.
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(256);
        PeoplePass.Summary s;
        long base = live();
        try (IndexWriter w = new IndexWriter(FSDirectory.open(archive.indexDir()), config)) {
            Thread sampler = new Thread(() -> {
                while (running) {
                    maxLive = Math.max(maxLive, live());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            if (heap) sampler.start();
            long c0 = cpu.getProcessCpuTime();
            s = PeoplePass.run(archive, w);
            long c1 = cpu.getProcessCpuTime();
            running = false;
            sampler.join();
            w.commit();
            System.out.println("machine: " + Machine.describe());
            System.out.printf("archive: %s, %d emails, %d people, %d threads (%d thread ids updated)%n", args[0], s.emails(),
                    s.people(), s.threads(), s.threadUpdates());
            System.out.printf("connections pass: %.2f s, %.2f CPU s%n", s.seconds(), (c1 - c0) / 1e9);
        }
        if (heap) {
            System.out.printf("live heap: %.1f MB before, at most %.1f MB during the pass: %.0f bytes per email%n", base / 1e6,
                    maxLive / 1e6, (maxLive - base) / (double) Math.max(1, s.emails()));
        }
        System.out.println("threads digest: " + threadsDigest(archive));
        MessageDigest people = MessageDigest.getInstance("SHA-256");
        for (String f : new String[] {"directory.jsonl", "details.jsonl"}) { // read in pieces: the pass may run in a small heap
            try (var in = new java.security.DigestInputStream(Files.newInputStream(PeopleStore.dir(archive).resolve(f)), people)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        System.out.println("people digest: " + HexFormat.of().formatHex(people.digest()));
    }

    /** Sets every email's thread id to 0, in updates of 100,000 each flushed, and commits. */
    private static void unthread(Archive archive) throws Exception {
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
        try (IndexWriter w = new IndexWriter(FSDirectory.open(archive.indexDir()), config);
                DirectoryReader r = DirectoryReader.open(w)) {
            int n = 0;
            for (LeafReaderContext ctx : r.leaves()) {
                PostingsEnum emails = ctx.reader().postings(new Term(Schema.KIND, "email"), PostingsEnum.NONE);
                NumericDocValues ids = ctx.reader().getNumericDocValues(Schema.ID);
                if (emails == null || ids == null) continue;
                for (int d = emails.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = emails.nextDoc()) {
                    if (!ids.advanceExact(d)) continue;
                    w.updateNumericDocValue(new Term(Schema.ID_TERM, Long.toString(ids.longValue())), Schema.THREAD, 0);
                    if (++n % 100_000 == 0) w.flush();
                }
            }
            w.commit();
        }
    }

    private static long live() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** SHA-256 of "id thread" lines of every live email in id order. */
    private static String threadsDigest(Archive archive) throws Exception {
        TreeMap<Long, Long> threads = new TreeMap<>();
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(archive.indexDir()))) {
            for (LeafReaderContext ctx : r.leaves()) {
                PostingsEnum emails = ctx.reader().postings(new Term(Schema.KIND, "email"), PostingsEnum.NONE);
                if (emails == null) continue;
                var live = ctx.reader().getLiveDocs();
                NumericDocValues ids = ctx.reader().getNumericDocValues(Schema.ID), th = ctx.reader().getNumericDocValues(Schema.THREAD);
                for (int d = emails.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = emails.nextDoc()) {
                    if ((live != null && !live.get(d)) || ids == null || !ids.advanceExact(d)) continue;
                    threads.put(ids.longValue(), th != null && th.advanceExact(d) ? th.longValue() : 0);
                }
            }
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        threads.forEach((id, t) -> md.update((id + " " + t + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }
}
