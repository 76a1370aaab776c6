package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Item;
import dossier.model.Kind;
import dossier.model.Parsed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents built by {@link ItemDocuments} as the real index writer indexes them, and read back. */
class ItemDocumentsTest {
    @TempDir
    Path dir;

    private static Parsed email(String subject, String plain, String html, String text) {
        return email(subject, plain, html, text, "");
    }

    private static Parsed email(String subject, String plain, String html, String text, String htmlText) {
        EmailFields e = new EmailFields("m1@example.org", List.of(new Address("Jeff Skilling", "jeff@enron.com")),
                List.of(new Address("", "ken.lay@enron.com"), new Address("Ann", "ann@x.org")), List.of(), List.of(),
                List.of(), "m0@example.org", List.of("m-1@example.org", "m0@example.org"), subject, "Subject: " + subject,
                plain, html, "-0500");
        return new Parsed(Kind.EMAIL, "mail/1.eml", "", plain.getBytes(StandardCharsets.UTF_8), subject,
                Instant.parse("2001-05-14T16:39:00Z"), text, "message/rfc822", "en", e, DocMeta.NONE, List.of(), htmlText);
    }

    private static Document doc(long id, Parsed p) {
        return ItemDocuments.toDocument(new ItemDocuments.NewItem(id, 0, p, "ab" + id, List.of(), List.of(), 0));
    }

    @Test
    void bodyStoredOnceStillReadsBackAndEveryTextWordIsFoundUnstemmed() throws Exception {
        Parsed plain = email("Budget talks", "We are negotiating the budgets.", "", "We are negotiating the budgets.");
        Parsed htmlOnly = email("Résumé", "", "<p>Running late</p>", "Running late");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(Schema.analyzer()))) {
            w.addDocument(doc(1, plain));
            w.addDocument(doc(2, htmlOnly));
            w.commit();
        }
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher s = new IndexSearcher(r);
            Document d1 = s.storedFields().document(0), d2 = s.storedFields().document(1);
            assertFalse(d1.get(Schema.DETAIL).contains("\"body\""), "the body equal to the text is stored once");
            Item one = ItemDocuments.fromDocument(d1, List.of(), 0), two = ItemDocuments.fromDocument(d2, List.of(), 0);
            assertEquals("We are negotiating the budgets.", one.email().plainBody());
            assertEquals("", two.email().plainBody(), "an HTML-only email keeps its empty plain body");
            assertEquals("<p>Running late</p>", two.email().htmlBody());
            // TEXT is stemmed; EXACT holds the text's and the title's words unstemmed, from one analysis of the text.
            assertEquals(1, s.count(new TermQuery(new Term(Schema.TEXT, "negoti"))));
            assertEquals(1, s.count(new TermQuery(new Term(Schema.EXACT, "negotiating"))));
            assertEquals(1, s.count(new TermQuery(new Term(Schema.EXACT, "budgets"))));
            assertEquals(1, s.count(new TermQuery(new Term(Schema.EXACT, "talks"))));
            assertEquals(1, s.count(new TermQuery(new Term(Schema.EXACT, "resume"))));
            assertEquals(0, s.count(new TermQuery(new Term(Schema.EXACT, "negoti"))));
            assertEquals(1, s.count(new WildcardQuery(new Term(Schema.EXACT, "runn*"))));
            assertEquals(2, s.count(new TermQuery(new Term(Schema.TO, "ken.lay@enron.com"))));
        }
    }

    @Test
    void peopleScanReadsTheCompactFieldAndTheStoredDetailOfOlderArchivesAlike() throws Exception {
        Parsed p = email("Budget", "Body", "", "Body");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(Schema.analyzer()))) {
            w.addDocument(doc(1, p));
            Document old = doc(2, p);
            old.removeField(Schema.PEOPLE); // as an email indexed before the field existed
            w.addDocument(old);
            w.commit();
        }
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
            assertTrue(r.leaves().get(0).reader().getBinaryDocValues(Schema.PEOPLE) != null);
            List<PeopleScan.Mail> mails = new ArrayList<>();
            for (var leaf : r.leaves()) PeopleScan.read(leaf.reader(), mails::add);
            assertEquals(2, mails.size());
            PeopleScan.Mail fresh = mails.get(0), older = mails.get(1);
            assertEquals("m1@example.org", fresh.messageId());
            assertEquals("m0@example.org", fresh.inReplyTo());
            assertEquals(List.of("m-1@example.org", "m0@example.org"), fresh.references());
            assertEquals(List.of(new Address("Jeff Skilling", "jeff@enron.com")), fresh.from());
            assertEquals(List.of(new Address("", "ken.lay@enron.com"), new Address("Ann", "ann@x.org")), fresh.to());
            assertEquals(new PeopleScan.Mail(2, fresh.date(), fresh.thread(), fresh.messageId(), fresh.inReplyTo(),
                    fresh.references(), fresh.subject(), fresh.from(), fresh.to(), fresh.cc(), fresh.bcc()), older);
        }
    }

    @Test
    void wordsOnlyTheHtmlPartHoldsAreIndexedOnceAndTheTextStaysThePlainPart() throws Exception {
        String plain = "Meeting at noon. Meeting room B.";
        Parsed p = email("Lunch", plain, "<p>Catering by Rosalind's Kitchen</p><p>Meeting at <b>noon</b>.</p>", plain,
                "Catering by Rosalind's Kitchen.\n\nMeeting at noon. Catering!");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(Schema.analyzer()))) {
            w.addDocument(doc(1, p));
            w.commit();
        }
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher s = new IndexSearcher(r);
            assertEquals(1, s.count(new TermQuery(new Term(Schema.TEXT, "cater"))), "a word of the HTML alone");
            assertEquals(1, s.count(new TermQuery(new Term(Schema.TEXT, "rosalind"))));
            assertEquals(1, s.count(new TermQuery(new Term(Schema.EXACT, "catering"))), "for wildcards and fuzzy words");
            assertEquals(2, r.totalTermFreq(new Term(Schema.TEXT, "meet")), "the plain part's count, not doubled");
            assertEquals(1, r.totalTermFreq(new Term(Schema.TEXT, "noon")));
            assertEquals(1, r.totalTermFreq(new Term(Schema.TEXT, "cater")), "a word the text lacks, once");
            assertEquals(plain, s.storedFields().document(0).get(Schema.TEXT), "the stored text is the plain part");
            assertEquals(0, s.count(new org.apache.lucene.search.PhraseQuery(Schema.TEXT, "b", "cater")),
                    "no phrase spans the plain part and the HTML's words");
        }
    }
}
