package dossier.sample;

import dossier.sample.Lexicon.Topic;
import dossier.sample.Message.Attachment;
import dossier.sample.SampleGenerator.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the standalone documents and the zip archive. Each document is made from its own seed, so a small
 * pool of threads can build them (POI is the slow part) while they are written strictly in index order: the
 * output is the same whatever the number of cores.
 */
final class DocumentShelf {
    private static final int MAX_THREADS = 4;

    private final Documents documents;
    private final long seed;

    DocumentShelf(Documents documents, long seed) {
        this.documents = documents;
        this.seed = seed;
    }

    private record Made(String folder, Attachment file) {}

    void writeStandalone(int count, DumpWriter writer, ProgressListener progress) throws IOException {
        Timeline timeline = new Timeline(count);
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "sample-documents");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Made>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < count; written++) {
                while (next < count && inFlight.size() < 4 * threads) {
                    int index = next++;
                    inFlight.add(pool.submit(() -> make(index, timeline)));
                }
                Made made = await(inFlight.poll());
                writer.document(made.folder(), made.file().name(), made.file().bytes());
                if ((written + 1) % 100 == 0) progress.progress(writer.emails(), writer.documents());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Made make(int index, Timeline timeline) {
        SplittableRandom r = random(index);
        String kind = kind(r);
        Topic topic = topicWith(kind, r);
        Attachment file = documents.make(kind, topic, timeline.at(index, r).atZone(Company.HOME), r);
        return new Made(topic.departments().get(0), file);
    }

    /** {@code documents/archive-2013.zip}: a few documents of 2013 in folders, and {@code savedMail} (CRLF). */
    void writeZip(int count, Message savedMail, DumpWriter writer) throws IOException {
        List<OfficeFiles.Entry> entries = new ArrayList<>();
        SplittableRandom r = random(-1);
        for (int d = 0; d < count; d++) {
            String kind = Documents.KINDS.get(d % 3);
            Topic topic = topicWith(kind, r);
            var date = LocalDate.of(2013, 3 + 3 * d, 1 + r.nextInt(28)).atTime(10 + r.nextInt(8), r.nextInt(60)).atZone(Company.HOME);
            Attachment file = documents.make(kind, topic, date, r);
            entries.add(new OfficeFiles.Entry("archive-2013/" + topic.departments().get(0) + "/" + file.name(), file.bytes()));
        }
        if (savedMail != null) {
            String name = savedMail.subject().replaceAll("[^A-Za-z0-9 .,()-]", "_") + ".eml";
            entries.add(new OfficeFiles.Entry("archive-2013/Saved mail/" + name, MessageWriter.render(savedMail, false, "\r\n")));
        }
        byte[] zip = OfficeFiles.zip(entries, LocalDate.of(2013, 12, 31).atStartOfDay(Company.HOME).toInstant());
        writer.zip("archive-2013.zip", zip, count, savedMail == null ? 0 : 1);
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    private static String kind(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 30 ? "docx" : x < 50 ? "xlsx" : x < 80 ? "pdf" : x < 92 ? "txt" : "csv";
    }

    static Topic topicWith(String kind, SplittableRandom r) {
        List<Topic> topics = new ArrayList<>();
        for (Topic t : Lexicon.get().topics()) if (t.attachmentKinds().contains(kind)) topics.add(t);
        return topics.isEmpty() ? Lexicon.get().topic("admin") : Lexicon.pick(topics, r);
    }

    private static Made await(Future<Made> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making documents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
