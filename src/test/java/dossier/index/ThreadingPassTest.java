package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.enrich.IntArray;
import dossier.model.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread ids the connections pass writes into the index, also when it flushes them to disk part way. */
class ThreadingPassTest {
    @TempDir
    Path tmp;

    @Test
    void threadIdsFlushedPartWayAreThoseWrittenInOneGo() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        // Ten conversations of four: an original and three replies, each naming the one before.
        for (int c = 0; c < 10; c++) {
            for (int r = 0; r < 4; r++) {
                String headers = "From: p" + r + "@example.org\r\nTo: p" + (r + 1) + "@example.org\r\nSubject: "
                        + (r == 0 ? "" : "Re: ") + "Topic " + c + "\r\nMessage-ID: <c" + c + "r" + r + "@example.org>\r\n"
                        + (r == 0 ? "" : "In-Reply-To: <c" + c + "r" + (r - 1) + "@example.org>\r\n")
                        + "Date: Mon, 14 May 2001 1" + r + ":0" + c + ":00 +0000\r\n";
                Files.writeString(dump.resolve("c" + c + "r" + r + ".eml"), headers + "\r\nMessage " + c + "." + r + "\r\n",
                        StandardCharsets.US_ASCII);
            }
        }
        Archive archive = Archive.create(tmp.resolve("archive"), "t");
        new Ingest(new Ingest.Options(1, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());
        Map<Long, Long> ingested = threads(archive);
        assertEquals(40, ingested.size());
        assertEquals(10, ingested.values().stream().distinct().count(), "one thread per conversation");

        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
        try (IndexWriter w = new IndexWriter(FSDirectory.open(archive.indexDir()), config)) {
            for (long id : ingested.keySet()) w.updateNumericDocValue(new Term(Schema.ID_TERM, Long.toString(id)), Schema.THREAD, 0);
            w.commit();
            Mails mails;
            try (DirectoryReader r = DirectoryReader.open(w)) {
                mails = PeopleScan.emails(r);
            }
            var byId = mails.keys().byId();
            var computed = ThreadingPass.threads(mails, new IntArray(mails.addresses()));
            assertEquals(40, ThreadingPass.write(w, mails, byId, computed, 3));
            w.commit();
        }
        assertEquals(ingested, threads(archive));
    }

    /** Every email's thread id in the committed index, by email id. */
    private static Map<Long, Long> threads(Archive archive) throws Exception {
        Map<Long, Long> out = new TreeMap<>();
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(archive.indexDir()))) {
            for (LeafReaderContext ctx : r.leaves()) {
                PostingsEnum emails = ctx.reader().postings(new Term(Schema.KIND, "email"), PostingsEnum.NONE);
                NumericDocValues ids = ctx.reader().getNumericDocValues(Schema.ID);
                NumericDocValues threads = ctx.reader().getNumericDocValues(Schema.THREAD);
                for (int d = emails.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = emails.nextDoc()) {
                    if (!ids.advanceExact(d)) continue;
                    out.put(ids.longValue(), threads.advanceExact(d) ? threads.longValue() : 0);
                }
            }
        }
        return out;
    }
}
