package dossier.search;

import dossier.index.AddressTerms;
import dossier.index.Schema;
import dossier.model.Address;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * A tiny test index whose documents are filled the way the indexer fills them (see {@link Schema}), so queries
 * are checked against real analysis, not against our own expectations of it.
 */
final class TestArchive implements AutoCloseable {
    /** One item; set what the test needs. */
    static final class Item {
        final long id;
        String kind = "email";
        String subject = "";
        String text = "";
        String filename;
        Address from;
        final List<Address> to = new ArrayList<>();
        Instant date;
        long size;
        final List<String> types = new ArrayList<>();
        boolean hasAttachment;
        String lang;
        Long thread;
        Long parent;
        String messageId;

        Item(long id) {
            this.id = id;
        }
    }

    /** Subject and text again without positions, like the indexer's EXACT field. */
    private static final FieldType EXACT = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        EXACT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        EXACT.freeze();
    }

    private final FSDirectory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    TestArchive(Path folder, List<Item> items) throws IOException {
        dir = FSDirectory.open(folder);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer()))) {
            for (Item item : items) w.addDocument(document(item));
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    private static Document document(Item it) {
        Document d = new Document();
        d.add(new LongPoint(Schema.ID, it.id));
        d.add(new NumericDocValuesField(Schema.ID, it.id));
        d.add(new StoredField(Schema.ID, it.id));
        d.add(new StringField(Schema.KIND, it.kind, Field.Store.NO));
        d.add(new TextField(Schema.SUBJECT, it.subject, Field.Store.NO));
        d.add(new TextField(Schema.TEXT, it.text, Field.Store.NO));
        d.add(new Field(Schema.EXACT, it.subject + "\n" + it.text, EXACT));
        if (it.filename != null) d.add(new TextField(Schema.FILENAME, it.filename, Field.Store.NO));
        if (it.from != null) addresses(d, Schema.FROM, List.of(it.from));
        addresses(d, Schema.TO, it.to);
        if (it.date != null) d.add(new LongPoint(Schema.DATE, it.date.toEpochMilli()));
        d.add(new LongPoint(Schema.SIZE, it.size));
        for (String t : it.types) d.add(new StringField(Schema.TYPE, t, Field.Store.NO));
        if (it.hasAttachment) d.add(new StringField(Schema.HAS, "attachment", Field.Store.NO));
        if (it.lang != null) d.add(new StringField(Schema.LANG, it.lang, Field.Store.NO));
        d.add(new org.apache.lucene.document.NumericDocValuesField(Schema.THREAD, it.thread == null ? 0 : it.thread));
        if (it.parent != null) d.add(new LongPoint(Schema.PARENT, it.parent));
        if (it.messageId != null) d.add(new StringField(Schema.MESSAGE_ID, it.messageId, Field.Store.NO));
        return d;
    }

    private static void addresses(Document d, String field, List<Address> list) {
        for (Address a : list) {
            for (String term : AddressTerms.of(a)) {
                d.add(new StringField(field, term, Field.Store.NO));
            }
            for (String domain : AddressTerms.domains(a.domain())) {
                d.add(new StringField(Schema.DOMAIN, domain, Field.Store.NO));
            }
        }
    }

    /** The ids of every item the query matches, in order. */
    Set<Long> ids(Query q) throws IOException {
        TopDocs top = searcher.search(q, 1000);
        Set<Long> ids = new TreeSet<>();
        for (ScoreDoc sd : top.scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).getField(Schema.ID).numericValue().longValue());
        }
        return ids;
    }

    /** The id of the best hit. */
    long top(Query q) throws IOException {
        ScoreDoc best = searcher.search(q, 1).scoreDocs[0];
        return searcher.storedFields().document(best.doc).getField(Schema.ID).numericValue().longValue();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
