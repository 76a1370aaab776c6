package dossier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Address;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs parsed queries against a real Lucene index built with the schema's fields and analysers. */
class QueryParserIndexTest {
    @TempDir
    static Path folder;

    private static TestArchive archive;
    private final QueryParser parser = new QueryParser();

    @BeforeAll
    static void buildIndex() throws IOException {
        TestArchive.Item deal = new TestArchive.Item(1);
        deal.subject = "Raptor negotiation update";
        deal.text = "The negotiation is an exact phrase in this email. Regards, Jeff Skilling";
        deal.from = new Address("Skilling, Jeff", "jeff.skilling@enron.com");
        deal.to.add(new Address("Analyst", "x@mail.rand.org"));
        deal.date = Instant.parse("2001-05-14T16:39:00Z");
        deal.size = 500;
        deal.hasAttachment = true;
        deal.lang = "en";
        deal.thread = 1L;
        deal.messageId = "1234.JavaMail.evans@thyme";

        TestArchive.Item budget = new TestArchive.Item(2);
        budget.kind = "attachment";
        budget.subject = "budget.pdf";
        budget.filename = "budget.pdf";
        budget.text = "Quarterly figures for the trading desk";
        budget.date = Instant.parse("2001-05-14T16:39:00Z");
        budget.size = 2048;
        budget.types.addAll(List.of("pdf", "application/pdf"));
        budget.thread = 1L;
        budget.parent = 1L;

        TestArchive.Item cv = new TestArchive.Item(3);
        cv.kind = "document";
        cv.subject = "cv.docx";
        cv.filename = "cv.docx";
        cv.text = "My résumé and a cover letter, updated";
        cv.date = Instant.parse("2001-06-01T00:00:00Z");
        cv.size = 1500;
        cv.types.addAll(List.of("docx", "word"));
        cv.lang = "fr";

        TestArchive.Item lunch = new TestArchive.Item(4);
        lunch.subject = "Lunch";
        lunch.text = "Lunch tomorrow? Phrase exact, but the other way round.";
        lunch.from = new Address("Kenneth Lay", "klay@enron.com");
        lunch.to.add(new Address("", "jeff.skilling@enron.com"));
        lunch.date = Instant.parse("2001-04-30T23:59:59Z"); // one second before May
        lunch.size = 300;

        archive = new TestArchive(folder, List.of(deal, budget, cv, lunch));
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
    }

    private Set<Long> ids(String query) throws Exception {
        return archive.ids(parser.parse(query));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() throws Exception {
        assertEquals(Set.of(1L), ids("negotiating"));
        assertEquals(Set.of(1L), ids("NEGOTIATIONS"));
    }

    @Test
    void accentFoldingFindsResumeInResume() throws Exception {
        assertEquals(Set.of(3L), ids("resume"));
        assertEquals(Set.of(3L), ids("résumé"));
    }

    @Test
    void wordsSideBySideMustAllMatch() throws Exception {
        assertEquals(Set.of(1L), ids("raptor negotiation"));
        assertEquals(Set.of(), ids("raptor lunch"));
        assertEquals(Set.of(1L, 4L), ids("raptor OR lunch"));
    }

    @Test
    void wordsJoinedByApostrophesAreFoundWithOrWithoutThem(@TempDir Path dir) throws Exception {
        TestArchive.Item room = new TestArchive.Item(5);
        room.subject = "LET'S DO LUNCH: Room for Tomorrow’s Meeting";
        room.text = "We won't be in Gary Hamel's office.";
        room.date = Instant.parse("2001-11-27T19:04:59Z");
        room.size = 200;
        TestArchive.Item lunch = new TestArchive.Item(6);
        lunch.subject = "Lunch";
        lunch.text = "Shall we do lunch, s'il vous plaît?";
        lunch.date = Instant.parse("2001-11-27T19:04:59Z");
        lunch.size = 200;
        try (TestArchive a = new TestArchive(dir, List.of(room, lunch))) {
            assertEquals(Set.of(5L), a.ids(parser.parse("lets do lunch")));
            assertEquals(Set.of(5L), a.ids(parser.parse("let's do lunch")));
            assertEquals(Set.of(5L), a.ids(parser.parse("room for tomorrow s meeting")), "apostrophe lost by copying");
            assertEquals(Set.of(5L), a.ids(parser.parse("\"tomorrow's meeting\"")), "ASCII in the query, typographic in the text");
            assertEquals(Set.of(5L), a.ids(parser.parse("tomorrows")));
            assertEquals(Set.of(5L), a.ids(parser.parse("won t")));
            assertEquals(Set.of(5L), a.ids(parser.parse("\"Gary Hamel's\" hamel")));
            assertEquals(Set.of(5L), a.ids(parser.parse("\"let s\"")), "the parts stand side by side, as in a phrase");
            assertEquals(Set.of(6L), a.ids(parser.parse("\"lunch s il\"")));
        }
    }

    @Test
    void fileNamesAreFindableAsFreeText() throws Exception {
        assertEquals(Set.of(3L), ids("cv.docx"));
        assertEquals(Set.of(2L), ids("filename:budget*"));
        assertEquals(Set.of(2L), ids("filename:pdf"));
        assertEquals(Set.of(2L), ids("filename:budget"), "file names are split into words at dots and underscores");
    }

    @Test
    void fromMatchesWordAddressAndQuotedName() throws Exception {
        assertEquals(Set.of(1L), ids("from:skilling"));
        assertEquals(Set.of(1L), ids("from:jeff.skilling@enron.com"));
        assertEquals(Set.of(1L), ids("from:\"Jeff Skilling\""));
        assertEquals(Set.of(1L), ids("from:Jeff*"));
        assertEquals(Set.of(4L), ids("to:skilling"));
        assertEquals(Set.of(1L, 4L), ids("participant:skilling"));
        assertEquals(Set.of(1L, 4L), ids("from:(skilling OR lay)"));
    }

    @Test
    void pastedAddressesAndNamesJoinedByApostrophesAreFound(@TempDir Path dir) throws Exception {
        assertEquals(Set.of(1L), ids("from:<jeff.skilling@enron.com>"));
        assertEquals(Set.of(1L), ids("from:\"Skilling, Jeff <jeff.skilling@enron.com>\""));
        assertEquals(Set.of(4L), ids("from:\"Kenneth Lay\" from:\"Kenneth Lay <klay@enron.com>\""));
        assertEquals(Set.of(1L, 4L), ids("participant:@enron.com"));
        assertEquals(Set.of(1L), ids("from:@enron.com -from:lay"));

        TestArchive.Item irish = new TestArchive.Item(5);
        irish.from = new Address("Arthur O'Donnell", "aod@example.com");
        irish.to.add(new Address("Jean-Luc Picard", "captain@example.com"));
        TestArchive.Item other = new TestArchive.Item(6);
        other.from = new Address("Smith", "o.donnell@example.com");
        try (TestArchive a = new TestArchive(dir, List.of(irish, other))) {
            // The words o and donnell, in any order: o.donnell@ has them too, as from:"o donnell" would find.
            assertEquals(Set.of(5L, 6L), a.ids(parser.parse("from:o'donnell")));
            assertEquals(Set.of(5L, 6L), a.ids(parser.parse("from:O\u2019Donnell")));
            assertEquals(Set.of(5L), a.ids(parser.parse("to:jean-luc")));
            assertEquals(Set.of(6L), a.ids(parser.parse("from:o.donnell")), "a dotted value stays an exact local part");
        }
    }

    @Test
    void typeFindsAnExtensionByItsOtherSpellings(@TempDir Path dir) throws Exception {
        TestArchive.Item photo = new TestArchive.Item(7);
        photo.kind = "attachment";
        photo.filename = "photo.jpeg";
        photo.types.addAll(List.of("jpeg", "image/jpeg", "image"));
        TestArchive.Item scan = new TestArchive.Item(8);
        scan.kind = "attachment";
        scan.filename = "scan.JPG";
        scan.types.addAll(List.of("jpg", "image/jpeg", "image"));
        try (TestArchive a = new TestArchive(dir, List.of(photo, scan))) {
            assertEquals(Set.of(7L, 8L), a.ids(parser.parse("type:jpg")));
            assertEquals(Set.of(7L, 8L), a.ids(parser.parse("type:.jpeg")));
            assertEquals(Set.of(), a.ids(parser.parse("type:tiff")));
        }
    }

    @Test
    void domainMatchesSubdomains() throws Exception {
        assertEquals(Set.of(1L), ids("domain:rand.org"));
        assertEquals(Set.of(1L), ids("domain:@mail.rand.org"));
        assertEquals(Set.of(1L, 4L), ids("domain:enron.com"));
    }

    @Test
    void dateCoversTheWholePeriodInUtc() throws Exception {
        assertEquals(Set.of(1L, 2L), ids("date:2001-05"));
        assertEquals(Set.of(1L, 2L, 3L), ids("date:2001-05..2001-06"));
        assertEquals(Set.of(4L), ids("date:..2001-04"));
        assertEquals(Set.of(1L, 2L), ids("date:2001-05-14"));
    }

    @Test
    void afterIncludesTheDayAndBeforeExcludesIt() throws Exception {
        assertEquals(Set.of(1L, 2L, 3L), ids("after:2001-05-14"));
        assertEquals(Set.of(3L), ids("after:2001-05-15"));
        assertEquals(Set.of(4L), ids("before:2001-05-14"));
        assertEquals(Set.of(4L), ids("before:2001-05"));
    }

    @Test
    void largerAndSmallerAreStrict() throws Exception {
        assertEquals(Set.of(2L, 3L), ids("larger:1k"));
        assertEquals(Set.of(), ids("larger:2k"));
        assertEquals(Set.of(1L, 4L), ids("smaller:1K"));
        assertEquals(Set.of(3L), ids("larger:1k smaller:2k"));
    }

    @Test
    void phraseNeedsTheWordsInOrderUnlessSlopAllows() throws Exception {
        assertEquals(Set.of(1L), ids("\"exact phrase\""));
        assertEquals(Set.of(1L, 4L), ids("\"exact phrase\"~2"));
    }

    @Test
    void wildcardAndFuzzyUseUnstemmedWords() throws Exception {
        assertEquals(Set.of(1L), ids("negot*"));
        assertEquals(Set.of(1L), ids("negotiati?n"));
        assertEquals(Set.of(1L), ids("skiling~"));
        assertEquals(Set.of(1L), ids("skiling~1"));
    }

    @Test
    void negativeClausesAloneMatchEverythingElse() throws Exception {
        assertEquals(Set.of(1L, 2L, 3L), ids("-lunch"));
        assertEquals(Set.of(2L, 3L), ids("NOT kind:email"));
        assertEquals(Set.of(4L), ids("kind:email -has:attachment"));
    }

    @Test
    void starMatchesEveryItem() throws Exception {
        assertEquals(Set.of(1L, 2L, 3L, 4L), ids("*"));
        assertEquals(Set.of(2L, 3L, 4L), ids("* -raptor"));
    }

    @Test
    void filtersByKindHasTypeAndLanguage() throws Exception {
        assertEquals(Set.of(2L), ids("kind:attachment"));
        assertEquals(Set.of(3L), ids("kind:Document"));
        assertEquals(Set.of(1L), ids("has:attachment"));
        assertEquals(Set.of(2L), ids("type:pdf"));
        assertEquals(Set.of(2L), ids("type:application/pdf"));
        assertEquals(Set.of(3L), ids("type:.DOCX"));
        assertEquals(Set.of(3L), ids("type:word"));
        assertEquals(Set.of(3L), ids("lang:fr"));
    }

    @Test
    void findsByIdThreadParentAndMessageId() throws Exception {
        assertEquals(Set.of(2L), ids("id:2"));
        assertEquals(Set.of(1L, 3L), ids("id:1,3"));
        assertEquals(Set.of(1L, 2L), ids("thread:1"));
        assertEquals(Set.of(2L), ids("parent:1"));
        assertEquals(Set.of(1L), ids("messageid:<1234.JavaMail.evans@thyme>"));
    }

    @Test
    void subjectIsWeightedAboveText() throws Exception {
        // "update" is in the subject of 1 and the text of 3.
        assertEquals(Set.of(1L, 3L), ids("update"));
        assertEquals(1L, archive.top(parser.parse("update")));
        assertEquals(Set.of(1L), ids("subject:raptor"));
        assertEquals(Set.of(), ids("subject:regards"));
    }
}
