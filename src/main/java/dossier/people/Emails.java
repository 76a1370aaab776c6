package dossier.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.index.AddressTerms;
import dossier.index.ArchiveJson;
import dossier.index.PeopleStore;
import dossier.index.Schema;
import dossier.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The Lucene side of people pages: a person's emails are those where any of their addresses (or, for names seen
 * without an address, all the words of the name) is among the participants; lists come back as {@link Hit}s read
 * from the summary doc values, like search results, so pages can reuse the result list. Thread-safe.
 */
final class Emails {
    private static final ObjectMapper JSON = ArchiveJson.MAPPER;
    /** Recipient fields: to, cc, bcc. */
    static final List<String> RECIPIENT = List.of(Schema.TO, Schema.CC, Schema.BCC);

    private final IndexSearcher searcher;

    Emails(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Emails where the person appears in any of the fields; the words of a name must all be in one field. */
    static Query person(PeopleStore.Summary p, List<String> fields) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : fields) clauses += person(p, List.of(field), any);
        return clauses == 0 ? new MatchNoDocsQuery() : any.build();
    }

    /**
     * Emails where the person takes part in any role, as {@code participant:} matches: the words of a name may be
     * spread over the roles, as they were in the single participant field that older archives index.
     */
    static Query participant(PeopleStore.Summary p) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        return person(p, Schema.PARTICIPANT_FIELDS, any) == 0 ? new MatchNoDocsQuery() : any.build();
    }

    /** Adds the person's clauses over the fields taken together to {@code any}; returns how many. */
    private static int person(PeopleStore.Summary p, List<String> fields, BooleanQuery.Builder any) {
        int clauses = 0;
        for (String a : p.addresses()) {
            any.add(anyField(fields, Schema.term(Schema.keyword(a))), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String name : p.nameOnly()) {
            List<String> words = AddressTerms.queryTerms(name);
            if (words.isEmpty()) continue;
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String w : words) all.add(anyField(fields, w), BooleanClause.Occur.FILTER);
            any.add(all.build(), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses;
    }

    /** The term in any of the fields; nested, so a person with many addresses stays within the clause limit. */
    private static Query anyField(List<String> fields, String term) {
        if (fields.size() == 1) return new TermQuery(new Term(fields.get(0), term));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : fields) b.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /**
     * The same emails as {@link #person} over the participant field, in the query language, so a page can link to a
     * search for them: {@code (participant:a@x.org OR participant:"Jeff Skilling")}.
     */
    static String personQuery(PeopleStore.Summary p) {
        List<String> clauses = new ArrayList<>();
        for (String a : p.addresses()) clauses.add("participant:" + quote(a));
        for (String name : p.nameOnly()) if (!AddressTerms.queryTerms(name).isEmpty()) clauses.add("participant:" + quote(name));
        if (clauses.isEmpty()) return "";
        return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" OR ", clauses) + ")";
    }

    /** A value as one query word: bare when it is plainly an address or word, else in quotes. */
    private static String quote(String value) {
        if (value.matches("[\\p{L}\\p{N}@._-]+") && !value.startsWith("-")) return value;
        return "\"" + value.replace("\\", " ").replace("\"", " ").strip() + "\"";
    }

    /** Emails where someone at the domain (or a subdomain) appears in any of the fields. */
    static Query domain(String domain, List<String> fields) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) any.add(new TermQuery(new Term(field, Schema.term(Schema.keyword(domain)))), BooleanClause.Occur.SHOULD);
        return any.build();
    }

    static Query and(Query... qs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : qs) b.add(q, BooleanClause.Occur.FILTER);
        return b.build();
    }

    long count(Query q) {
        try {
            return searcher.count(q);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of matching emails by date (items without a date last), then id. */
    Listing<Hit> list(Query q, int offset, int limit, boolean newestFirst) {
        try {
            long total = searcher.count(q);
            int n = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
            if (total == 0 || limit == 0 || offset >= total) return new Listing<>(total, offset, List.of());
            SortField date = new SortField(Schema.DATE, SortField.Type.LONG, newestFirst);
            date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
            TopDocs top = searcher.search(q, n, new Sort(date, new SortField(Schema.ID, SortField.Type.LONG)), false);
            List<Hit> hits = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) hits.add(hit(top.scoreDocs[i]));
            return new Listing<>(total, offset, hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matching emails per month, {@code "2001-05" → n}, in month order. */
    Map<String, Long> months(Query q) {
        Map<String, Long> months = new TreeMap<>();
        try {
            searcher.search(q, new SimpleCollector() {
                NumericDocValues dates;

                @Override
                protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
                    dates = ctx.reader().getNumericDocValues(Schema.DATE);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (dates == null || !dates.advanceExact(doc)) return;
                    var d = Instant.ofEpochMilli(dates.longValue()).atOffset(ZoneOffset.UTC);
                    months.merge(String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()), 1L, Long::sum);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return months;
    }

    /** A result as search lists show it, from the summary doc values and the thread doc values. */
    Hit hit(ScoreDoc sd) throws IOException {
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(sd.doc, searcher.getIndexReader().leaves()));
        int doc = sd.doc - leaf.docBase;
        BinaryDocValues summaries = leaf.reader().getBinaryDocValues(Schema.SUMMARY);
        JsonNode s = JSON.createObjectNode();
        if (summaries != null && summaries.advanceExact(doc)) {
            var bytes = summaries.binaryValue();
            s = JSON.readTree(bytes.bytes, bytes.offset, bytes.length);
        }
        NumericDocValues threads = leaf.reader().getNumericDocValues(Schema.THREAD);
        long thread = threads != null && threads.advanceExact(doc) ? threads.longValue() : 0;
        List<String> to = new ArrayList<>();
        s.path("to").forEach(x -> to.add(x.asText()));
        return new Hit(s.path("id").asLong(), s.path("kind").asText(), s.path("title").asText(), s.path("from").asText(null),
                to, s.path("date").asText(null), s.path("messageId").asText(null), s.path("source").asText(), 0f, null,
                s.path("size").asLong(), s.path("contentType").asText(), s.path("parent").asLong(), thread,
                s.path("attachments").asInt());
    }
}
