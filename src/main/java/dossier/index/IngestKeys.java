package dossier.index;

import dossier.model.Kind;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What an ingest looks up for every item and file, which grows with the archive: the item of each sha256 and its
 * kind ({@link #bySha}, values made by {@link #item}), the first item of each email deduplication key
 * ({@link #byEmailKey}), and the top-level files already ingested ({@link #ingested}, a set: every value is 0). All
 * three are {@link KeyTable}s, off the heap.
 *
 * <pre>{@code
 * try (IngestKeys keys = IngestKeys.create()) {
 *     keys.load(reader);                       // what the index already holds
 *     keys.loadIngested(archive.ingestedFiles(), 0);
 *     long item = keys.bySha().get(sha);       // -1: a new original
 *     if (item >= 0) System.out.println(IngestKeys.id(item) + " " + IngestKeys.kind(item));
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like its tables: the ingest's writer thread owns it.
 */
record IngestKeys(KeyTable bySha, KeyTable byEmailKey, KeyTable ingested) implements Closeable {
    /** Three empty tables; none is left behind when one cannot be made. */
    static IngestKeys create() {
        KeyTable bySha = KeyTable.create(KeyTable.Keys.SHA256_HEX);
        KeyTable byEmailKey = null;
        try {
            byEmailKey = KeyTable.create(KeyTable.Keys.TEXT);
            return new IngestKeys(bySha, byEmailKey, KeyTable.create(KeyTable.Keys.TEXT));
        } catch (RuntimeException | Error e) {
            bySha.close();
            if (byEmailKey != null) byEmailKey.close();
            throw e;
        }
    }

    /**
     * A value of {@link #bySha}: the item's id and its kind, so that a location found to hold the same bytes is listed
     * in the manifest as what its item is.
     */
    static long item(long id, Kind kind) {
        return id << 2 | kind.ordinal();
    }

    /** The id of a {@link #bySha} value. */
    static long id(long item) {
        return item >>> 2;
    }

    /** The kind of a {@link #bySha} value. */
    static Kind kind(long item) {
        return Kind.values()[(int) (item & 3)];
    }

    /**
     * Adds every live item of the index, in the order a reader numbers documents: its sha256 ({@code put}: the last
     * document wins) and its email keys ({@code putIfAbsent}: the first wins). Reads the terms of the two fields and
     * the ids' doc values rather than stored documents, whose compressed blocks hold every text and took most of the
     * time to open a big archive (BENCHMARKS.md).
     */
    void load(DirectoryReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            long[] ids = ids(leaf.reader()); // 8 bytes a document of the segment, for as long as it is read
            byte[] kinds = kinds(leaf.reader());
            forEachPosting(leaf.reader(), Schema.SHA256, (sha, doc) -> {
                if (ids[doc] >= 0) bySha.put(sha, item(ids[doc], Kind.values()[kinds[doc]]));
            });
            forEachPosting(leaf.reader(), Schema.DEDUP, (key, doc) -> {
                if (ids[doc] >= 0) byEmailKey.putIfAbsent(key, ids[doc]);
            });
        }
    }

    /**
     * Adds the display paths of {@code file}, one a line, to the ingested files. Lines from byte {@code escapedFrom}
     * on are escaped as in the manifest ({@link Manifest#escape}); lines before it are raw paths, which archives
     * written before the escaping hold.
     *
     * <p>Why an offset and not a new format version: only an ingest reads this file, and an old archive's file goes
     * on growing, so it holds raw lines and then escaped ones; the commit records where the escaped ones begin, as it
     * records the file's length. The archive's readers (serve, search) never read the file, so archive.json's format
     * stays 2. An older Dossier that ingests into such an archive takes escaped lines for raw ones (and its commit
     * drops the offset, so this one then does too), which misreads only names with a backslash, tab or line break:
     * those files are read once more. Lines end at {@code \n} alone: a raw name with a {@code \r} was split there by
     * {@link java.io.BufferedReader#readLine} and is read whole now, while one with a {@code \n} in an old archive
     * stays two lines, and that file is read once more to be recorded escaped.
     */
    void loadIngested(Path file, long escapedFrom) throws IOException {
        if (!Files.exists(file)) return;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long offset = 0, lineStart = 0;
            for (int n; (n = in.read(buffer)) > 0; offset += n) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') continue;
                    line.write(buffer, from, i - from);
                    addIngested(line.toString(StandardCharsets.UTF_8), lineStart >= escapedFrom);
                    line.reset();
                    from = i + 1;
                    lineStart = offset + from;
                }
                line.write(buffer, from, n - from);
            }
            if (line.size() > 0) addIngested(line.toString(StandardCharsets.UTF_8), lineStart >= escapedFrom);
        }
    }

    private void addIngested(String line, boolean escaped) {
        ingested.put(escaped ? Manifest.unescape(line) : line, 0);
    }

    /** Deletes the three tables' files. */
    @Override
    public void close() {
        try {
            bySha.close();
        } finally {
            try {
                byEmailKey.close();
            } finally {
                ingested.close();
            }
        }
    }

    /** A term and a document that has it. */
    private interface Posting {
        void accept(String term, int doc) throws IOException;
    }

    /** The id of every live document of the segment by document number; -1 for a deleted one. */
    private static long[] ids(LeafReader leaf) throws IOException {
        long[] ids = new long[leaf.maxDoc()];
        Arrays.fill(ids, -1);
        NumericDocValues values = leaf.getNumericDocValues(Schema.ID);
        Bits live = leaf.getLiveDocs();
        if (values == null) return ids;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            if (live == null || live.get(doc)) ids[doc] = values.longValue();
        }
        return ids;
    }

    /** The kind's ordinal of every document of the segment by document number (0, an email, for one of no kind). */
    private static byte[] kinds(LeafReader leaf) throws IOException {
        byte[] kinds = new byte[leaf.maxDoc()];
        for (Kind k : Kind.values()) {
            PostingsEnum docs = leaf.postings(new Term(Schema.KIND, k.label()), PostingsEnum.NONE);
            if (docs == null) continue;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) kinds[doc] = (byte) k.ordinal();
        }
        return kinds;
    }

    /** Calls {@code each} with every term of {@code field} and every document that has it, in document order per term. */
    private static void forEachPosting(LeafReader leaf, String field, Posting each) throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) return;
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            String key = term.utf8ToString();
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                each.accept(key, doc);
            }
        }
    }
}
