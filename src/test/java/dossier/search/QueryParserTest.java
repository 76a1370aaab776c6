package dossier.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dossier.index.Schema;
import java.time.Instant;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The Lucene query each piece of syntax produces, and the message each mistake gets. */
class QueryParserTest {
    private final QueryParser parser = new QueryParser();

    private Query parse(String q) throws QueryException {
        return parser.parse(q);
    }

    private String show(String q) throws QueryException {
        return parser.parse(q).toString();
    }

    private String error(String q) {
        return assertThrows(QueryException.class, () -> parser.parse(q)).getMessage();
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    @Test
    void freeWordSearchesSubjectWeightedUpTextAndFileName() throws Exception {
        assertEquals("(subject:negoti)^3.0 text:negoti filename:negotiating", show("Negotiating"));
        assertEquals("(subject:resum)^3.0 text:resum filename:resume", show("résumé"));
    }

    @Test
    void wordsSideBySideAreAllRequired() throws Exception {
        BooleanQuery q = assertInstanceOf(BooleanQuery.class, parse("raptor jedi"));
        assertEquals(2, q.clauses().size());
        q.clauses().forEach(c -> assertEquals(Occur.MUST, c.occur()));
        assertEquals(parse("raptor jedi"), parse("raptor AND jedi"));
        assertEquals(parse("raptor jedi"), parse("+raptor +jedi"));
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
        BooleanQuery q = assertInstanceOf(BooleanQuery.class, parse("a b OR c"));
        assertEquals(Occur.SHOULD, q.clauses().get(0).occur());
        assertEquals(parse("a b"), q.clauses().get(0).query());
        assertEquals(parse("c"), q.clauses().get(1).query());
        assertEquals(parse("(a b) OR c"), q);
    }

    @Test
    void negativeOnlyQueryMatchesEverythingElse() throws Exception {
        BooleanQuery q = assertInstanceOf(BooleanQuery.class, parse("-lunch"));
        assertEquals(Occur.MUST_NOT, q.clauses().get(0).occur());
        assertEquals(new MatchAllDocsQuery(), q.clauses().get(1).query());
        assertEquals(parse("-lunch"), parse("NOT lunch"));
        assertEquals(parse("lunch"), parse("NOT -lunch"));
    }

    @Test
    void starAloneMatchesEverything() throws Exception {
        assertEquals(new MatchAllDocsQuery(), parse("*"));
        assertEquals(new MatchAllDocsQuery(), parse("  *  "));
    }

    @Test
    void phrasesAndSlopSearchSubjectAndText() throws Exception {
        // Quoted words must also be in the item as written, unstemmed (Phrases).
        assertEquals("+((subject:\"exact phrase\")^3.0 text:\"exact phrase\") #unmarked(#exact:exact #exact:phrase)",
                show("\"Exact phrase\""));
        assertEquals("+((subject:\"exact phrase\"~5)^3.0 text:\"exact phrase\"~5) #unmarked(#exact:exact #exact:phrase)",
                show("\"exact phrase\"~5"));
    }

    @Test
    void wildcardsAndFuzzyWordsUseUnstemmedFields() throws Exception {
        assertEquals("exact:negot* filename:negot*", show("Negot*"));
        assertInstanceOf(PrefixQuery.class, ((BooleanQuery) parse("negot*")).clauses().get(0).query());
        assertEquals("exact:w?ld filename:w?ld", show("w?ld"));
        assertEquals("exact:*gate filename:*gate", show("*gate"));
        assertEquals("exact:skiling~2 filename:skiling~2", show("skiling~"));
        assertEquals("exact:skiling~1 filename:skiling~1", show("skiling~1"));
    }

    @Test
    void backslashMakesWildcardCharactersLiteral() throws Exception {
        assertEquals("(subject:\"a b\")^3.0 text:\"a b\" (+filename:a +filename:b)", show("a\\*b"));
    }

    @Test
    void participantOperatorsMatchEveryTermOfTheValue() throws Exception {
        assertEquals(term(Schema.FROM, "skilling"), parse("from:Skilling"));
        assertEquals(term(Schema.FROM, "jeff.skilling@enron.com"), parse("FROM:jeff.skilling@enron.com"));
        assertEquals("+from:jeff +from:skilling", show("from:\"Jeff Skilling\""));
        assertEquals(term(Schema.TO, "lay"), parse("to:lay"));
        assertEquals(term(Schema.CC, "lay"), parse("cc:lay"));
        assertEquals(term(Schema.BCC, "lay"), parse("bcc:lay"));
        assertEquals("ConstantScore(from:lay to:lay cc:lay bcc:lay)", show("participant:lay"));
        assertEquals("+ConstantScore(from:jeff to:jeff cc:jeff bcc:jeff) +ConstantScore(from:sk* to:sk* cc:sk* bcc:sk*)",
                show("participant:\"Jeff Sk*\""));
        assertEquals(new PrefixQuery(new Term(Schema.FROM, "jeff.sk")), parse("from:jeff.sk*"));
        assertEquals("+from:jeff +from:sk*", show("from:\"Jeff Sk*\""));
        assertEquals(new PrefixQuery(new Term(Schema.BCC, "")), parse("bcc:*"));
    }

    @Test
    void operatorAppliesToEachWordOfItsGroup() throws Exception {
        assertEquals("from:skilling from:lay", show("from:(skilling OR lay)"));
        assertEquals("+(subject:budget)^3.0 +(subject:forecast)^3.0", show("subject:(budget forecast)"));
        assertEquals("from:skilling to:lay", show("from:(skilling OR to:lay)"));
    }

    @Test
    void keywordOperatorsLowerCaseAndStripDecoration() throws Exception {
        assertEquals(term(Schema.DOMAIN, "rand.org"), parse("domain:@Rand.org"));
        assertEquals(term(Schema.TYPE, "pdf"), parse("type:.PDF"));
        assertEquals(term(Schema.TYPE, "application/pdf"), parse("type:application/pdf"));
        assertEquals(term(Schema.KIND, "attachment"), parse("kind:Attachment"));
        assertEquals(term(Schema.HAS, "attachment"), parse("has:attachment"));
        assertEquals(term(Schema.LANG, "en"), parse("lang:EN"));
        assertEquals(term(Schema.MESSAGE_ID, "abc@x"), parse("message-id:<abc@x>"));
        assertEquals("messageId:AbC@x messageId:abc@x", show("messageid:AbC@x"));
    }

    @Test
    void subjectAndFilenameAnalyseLikeTheIndex() throws Exception {
        assertEquals("(subject:negoti)^3.0", show("subject:negotiating"));
        assertEquals("+(subject:\"q3 budget\"~2)^3.0 #unmarked(#exact:q3 #exact:budget)", show("subject:\"Q3 budget\"~2"));
        // File names are split into words at dots (Schema.filenameAnalyzer), on both sides, patterns too.
        assertEquals("+filename:report +filename:pdf", show("filename:Report.pdf"));
        assertEquals("filename:pdf", show("filename:*.PDF"));
        assertEquals("+filename:budget* +filename:xls", show("filename:budget*.xls"));
        assertEquals("+filename:q3 +filename:plan +filename:xlsx", show("filename:\"q3 plan.xlsx\""));
    }

    @Test
    void filtersDoNotRankButTextDoes() throws Exception {
        BooleanQuery q = assertInstanceOf(BooleanQuery.class, parse("raptor kind:email"));
        assertEquals(Occur.MUST, q.clauses().get(0).occur());
        assertEquals(Occur.FILTER, q.clauses().get(1).occur());
    }

    @Test
    void dateCoversWholePeriodsInUtc() throws Exception {
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-01-01T00:00:00Z"),
                millis("2015-01-01T00:00:00Z") - 1), parse("date:2014"));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-02-01T00:00:00Z"),
                millis("2014-03-01T00:00:00Z") - 1), parse("date:2014-02"));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-01-15T00:00:00Z"),
                millis("2014-01-16T00:00:00Z") - 1), parse("date:2014-01-15"));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-01-01T00:00:00Z"),
                millis("2014-07-01T00:00:00Z") - 1), parse("date:2014-01..2014-06"));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-01-01T00:00:00Z"), Long.MAX_VALUE),
                parse("date:2014.."));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, Long.MIN_VALUE, millis("2014-07-01T00:00:00Z") - 1),
                parse("date:..2014-06"));
        assertEquals(parse("date:2014-01-15"), parse("date:2014/1/15"));
    }

    @Test
    void afterIncludesTheDayAndBeforeExcludesIt() throws Exception {
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, millis("2014-01-01T00:00:00Z"), Long.MAX_VALUE),
                parse("after:2014-01-01"));
        assertEquals(LongPoint.newRangeQuery(Schema.DATE, Long.MIN_VALUE, millis("2014-02-01T00:00:00Z") - 1),
                parse("before:2014-02-01"));
    }

    @Test
    void sizesUsePowersOf1024AndStrictBounds() throws Exception {
        assertEquals(LongPoint.newRangeQuery(Schema.SIZE, 5L * 1024 * 1024 + 1, Long.MAX_VALUE), parse("larger:5M"));
        assertEquals(LongPoint.newRangeQuery(Schema.SIZE, Long.MIN_VALUE, 100L * 1024 - 1), parse("smaller:100k"));
        assertEquals(parse("larger:1536"), parse("larger:1.5KB"));
        assertEquals(parse("larger:2147483648"), parse("larger:2g"));
    }

    @Test
    void idsThreadsAndParentsAreNumbers() throws Exception {
        assertEquals(LongPoint.newExactQuery(Schema.ID, 123), parse("id:123"));
        assertEquals(LongPoint.newSetQuery(Schema.ID, 1, 2, 3), parse("id:1,2,3"));
        assertEquals(org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(Schema.THREAD, 9), parse("thread:9"));
        assertEquals(LongPoint.newExactQuery(Schema.PARENT, 7), parse("parent:7"));
    }

    @Test
    void unknownOperatorIsRefusedWhereLinksAndReplyPrefixesAreText() throws Exception {
        assertEquals("(subject:\"http x com\")^3.0 text:\"http x com\" (+filename:http +filename:x +filename:com)",
                show("http://x.com"));
        assertEquals(parse("re budget"), parse("re: budget"));
        assertEquals(parse("note budget"), parse("note: budget"));
        // The standard tokenizer keeps foo:bar whole (UAX#29), on both sides; file names split at the colon.
        assertEquals("(subject:re:budget)^3.0 text:re:budget (+filename:re +filename:budget)",
                show("Re:budget"));
        assertEquals("(subject:foo:bar)^3.0 text:foo:bar (+filename:foo +filename:bar)",
                show("foo\\:bar"));
        assertEquals("unknown operator title: (the operators are from: to: cc: bcc: participant: domain: subject: "
                + "filename: kind: type: has: date: after: before: larger: smaller: id: thread: parent: lang: "
                + "messageid:); to search for the text, escape the colon: title\\:merger at column 10",
                error("skilling title:merger"));
        assertTrue(error("sender:(sherri OR jeff)").startsWith("unknown operator sender: "));
    }

    @Test
    void lucenesOtherSpellingsOfTheOperatorsWork() throws Exception {
        assertEquals(parse("skilling OR lay"), parse("skilling || lay"));
        assertEquals(parse("skilling AND lay"), parse("skilling && lay"));
        assertEquals(parse("skilling -lay"), parse("skilling !lay"));
        assertEquals(parse("skilling NOT lay"), parse("skilling ! lay"));
        assertEquals(parse("*"), parse("*:*"));
        assertEquals("boosts (skilling^2) are not supported: every query ranks by BM25, the subject weighted up "
                + "at column 9", error("skilling^2"));
        assertEquals("boosts (^3) are not supported: every query ranks by BM25, the subject weighted up at column 16",
                error("\"jeff skilling\"^3"));
        assertEquals(parse("x\\^2"), parse("x\\^2"), "escaped, a caret is text");
    }

    @Test
    void punctuationAloneFindsNothing() throws Exception {
        assertInstanceOf(MatchNoDocsQuery.class, parse("&"));
        assertEquals(parse("budget"), parse("budget &"));
    }

    @Test
    void blankOrOverlongQueryIsRefused() {
        assertEquals("empty query", error("   "));
        assertEquals("query too long (10001 characters; the limit is 10000)", error("a".repeat(10_001)));
    }

    @Test
    void tooManyWordsAreRefusedAtParseTimeNotAtSearchTime() throws Exception {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 400; i++) words.append('w').append(i).append(' ');
        assertEquals("too many words (each counts once per field it searches, and the limit is 1024)",
                error(words.toString()));
        assertInstanceOf(BooleanQuery.class, parse(words.substring(0, words.length() / 2)));
    }

    @Test
    void unbalancedQuotesAndParenthesesSayWhere() {
        assertEquals("unbalanced quote at column 12", error("from:jeff  \"raptor"));
        assertEquals("unbalanced parenthesis at column 3", error("a (b OR c"));
        assertEquals("unbalanced parenthesis: nothing to close at column 4", error("a b) c"));
        assertEquals("empty parentheses at column 3", error("a () b"));
        assertEquals("parentheses nested too deep at column 51", error("(".repeat(60) + "a" + ")".repeat(60)));
    }

    @Test
    void danglingOperatorsSayWhatIsMissing() {
        assertEquals("from: needs a value, e.g. from:\"Jeff Skilling\" at column 1", error("from:"));
        assertEquals("date: needs a value, e.g. date:2001-05..2001-08 at column 5", error("foo date: bar"));
        assertEquals("from: needs a value inside the quotes at column 1", error("from:\"\""));
        assertEquals("AND needs a search term after it at column 3", error("a AND"));
        assertEquals("OR needs a search term before it at column 1", error("OR a"));
        assertEquals("OR needs a search term after it at column 3", error("a OR OR b"));
        assertEquals("NOT needs a search term after it at column 1", error("NOT"));
        assertEquals("AND needs a search term after it at column 4", error("(a AND)"));
    }

    @Test
    void badValuesNameTheValueAndTheExpectedForm() {
        assertEquals("bad date \"2014-13\" in date:2014-13 (expected YYYY, YYYY-MM or YYYY-MM-DD) at column 6",
                error("date:2014-13"));
        assertEquals("bad date \"2014-02-30\" in after:2014-02-30 (expected YYYY, YYYY-MM or YYYY-MM-DD) "
                + "at column 7", error("after:2014-02-30"));
        assertEquals("bad date \"june\" in date:2014..june (expected YYYY, YYYY-MM or YYYY-MM-DD) at column 12",
                error("date:2014..june"));
        assertEquals("date range 2014-06..2014-01 ends before it starts at column 6", error("date:2014-06..2014-01"));
        assertEquals("bad size \"5X\" in larger:5X (expected bytes, or a number with k, M or G, e.g. 5M) "
                + "at column 8", error("larger:5X"));
        assertEquals("size 99999999999G is too large at column 8", error("larger:99999999999G"));
        assertEquals("bad id \"x\" in id:1,x (expected a number from 1 up, e.g. id:1234) at column 6", error("id:1,x"));
        assertEquals("bad thread id \"-3\" in thread:-3 (expected a number from 1 up, e.g. thread:1234) at column 8",
                error("thread:-3"));
        assertEquals("bad thread id \"0\" in thread:0 (expected a number from 1 up, e.g. thread:1234) at column 8",
                error("thread:0"));
        assertEquals("unknown kind \"memo\" (expected email, attachment or document) at column 6",
                error("kind:memo"));
        assertEquals("unknown has:pdf (expected has:attachment) at column 5", error("has:pdf"));
        assertEquals("fuzzy ~3 in skiling~3 must be ~0, ~1 or ~2 (edits allowed) at column 1", error("skiling~3"));
        assertEquals("expected a number from 0 to 999 after ~ at column 10", error("\"a b\" \"c\"~"));
    }

    @Test
    void parserIsSharedSafelyBetweenThreads() throws Exception {
        Query expected = parse("from:skilling negotiating date:2001");
        Runnable r = () -> {
            for (int i = 0; i < 200; i++) {
                try {
                    assertEquals(expected, parser.parse("from:skilling negotiating date:2001"));
                } catch (QueryException e) {
                    throw new AssertionError(e);
                }
            }
        };
        Thread a = new Thread(r);
        Thread b = new Thread(r);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
