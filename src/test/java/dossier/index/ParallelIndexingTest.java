package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelIndexingTest {
    @TempDir Path dir;

    @Test
    void flushWritesEveryThreadsBufferToDiskAfterTheTasksBeforeIt() throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(256));
             ParallelIndexing indexing = new ParallelIndexing(2)) {
            ParallelIndexing.Run run = indexing.run();
            for (int i = 0; i < 5_000; i++) {
                Document doc = new Document();
                doc.add(new TextField("body", "message number " + i, Field.Store.NO));
                run.add(() -> writer.addDocument(doc), 100);
            }
            run.submit();
            indexing.flush(writer);
            assertEquals(0, writer.numRamDocs(), "nothing left in memory");
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertEquals(5_000, reader.numDocs());
                assertTrue(reader.leaves().size() >= 1);
            }
        }
    }
}
