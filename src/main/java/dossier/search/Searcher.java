package dossier.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.index.Archive;
import dossier.index.ArchiveJson;
import dossier.index.ItemDocuments;
import dossier.index.Manifest;
import dossier.index.Schema;
import dossier.model.Item;
import dossier.model.Original;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Searches an archive: exact totals, ordered pages read from summary doc values, snippets, facets and a monthly
 * histogram, and whole items for show and the item page. Opens the index once; thread-safe for concurrent searches.
 */
public final class Searcher implements Closeable {
    private static final ObjectMapper JSON = ArchiveJson.MAPPER;
    /** Facet dimensions by the names pages and JSON use. */
    public static final Map<String, String> FACET_DIMS = facetDims();

    private final Archive archive;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    /** Snippets of queries for words: what TEXT matched (stems, phrases), the stored text analysed as TEXT is. */
    private final UnifiedHighlighter highlighter;
    /**
     * Snippets of queries with wildcard or fuzzy words, which look in EXACT, beside words that look in TEXT: the stored
     * text analysed as TEXT and EXACT both are (Schema.snippetAnalyzer), so both kinds are marked. It analyses the
     * text 1.7 to 3 times as slowly, so queries without such words keep the highlighter above.
     */
    private final UnifiedHighlighter patternHighlighter;
    /** Snippets of queries whose only words of text are wildcard or fuzzy ones: the text analysed as EXACT is. */
    private final UnifiedHighlighter exactHighlighter;
    private final BreakdownCache breakdowns;
    private volatile Map<Long, List<String>> duplicates;

    private Searcher(Archive archive, BreakdownCache breakdowns) throws IOException {
        this.archive = archive;
        this.breakdowns = breakdowns;
        if (!DirectoryReader.indexExists(FSDirectory.open(archive.indexDir()))) {
            throw new Archive.ArchiveException("archive " + archive.dir() + " has no index yet; run 'dossier ingest'");
        }
        reader = DirectoryReader.open(FSDirectory.open(archive.indexDir()));
        searcher = new IndexSearcher(reader);
        facetState = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, ItemDocuments.FACETS) : null;
        highlighter = UnifiedHighlighter.builder(searcher, Schema.analyzer())
                .withMaxLength(20_000)
                .withFormatter(Snippets.formatter())
                .build();
        patternHighlighter = UnifiedHighlighter.builder(searcher, Schema.snippetAnalyzer())
                .withMaxLength(20_000)
                .withFieldMatcher(field -> field.equals(Schema.TEXT) || field.equals(Schema.EXACT))
                .withFormatter(Snippets.formatter())
                .build();
        exactHighlighter = UnifiedHighlighter.builder(searcher, Schema.exactAnalyzer())
                .withMaxLength(20_000)
                .withFieldMatcher(Schema.EXACT::equals)
                .withFormatter(Snippets.formatter())
                .build();
    }

    /**
     * The highlighter for the query's snippets: by whether it has wildcard or fuzzy words of text (which look in EXACT)
     * and other words of text (stems and phrases, in TEXT).
     */
    private UnifiedHighlighter highlighter(Query q) {
        boolean[] exact = {false}, text = {false};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) text[0] |= t.field().equals(Schema.TEXT);
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                exact[0] |= field.equals(Schema.EXACT);
                text[0] |= field.equals(Schema.TEXT);
            }
        });
        return !exact[0] ? highlighter : text[0] ? patternHighlighter : exactHighlighter;
    }

    /** Opens the archive's index for searching, keeping the breakdowns of broad queries in a standard cache. */
    public static Searcher open(Archive archive) {
        return open(archive, BreakdownCache.standard());
    }

    /** Opens the archive's index for searching, keeping breakdowns in the cache given (a fresh one per searcher). */
    public static Searcher open(Archive archive, BreakdownCache breakdowns) {
        try {
            return new Searcher(archive, breakdowns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index of " + archive.dir(), e);
        }
    }

    public Archive archive() {
        return archive;
    }

    /** Parses the query text; a bad query is a {@link QueryException} with a message for the reader. */
    public Query parse(String query) throws QueryException {
        return new QueryParser().parse(query);
    }

    /** The exact number of items matching a query; a kept breakdown already knows it. */
    public long count(String query) throws QueryException {
        Query q = parse(query);
        Breakdown counted = breakdowns.get(q);
        if (counted != null) return counted.total();
        try {
            return searcher.count(q);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a query whose wildcards and fuzzy words expand to more terms than Lucene takes is told: the parser counts
     * clauses before searching ({@link QueryParser}), but what {@code skil*} or {@code on~2} expand to is known only
     * from the index, as the search rewrites them.
     */
    private static QueryException tooManyTerms() {
        return new QueryException("too many words: the query's wildcards and fuzzy words (~) match more than "
                + IndexSearcher.getMaxClauseCount() + " words of the index together; use fewer or longer ones", 0);
    }

    /** Runs a search. */
    public SearchResult search(SearchRequest req) throws QueryException {
        Query q = parse(req.query());
        try {
            int n = (int) Math.min(Integer.MAX_VALUE - 1L, (long) req.offset() + req.limit());
            Breakdown counted = req.facets() ? breakdowns.get(q) : null;
            long total;
            TopDocs top;
            if (req.facets() && counted == null) {
                var r = FacetsCollectorManager.search(searcher, q, Math.max(1, n), sort(req.order(), q), true,
                        new FacetsCollectorManager());
                top = r.topDocs();
                counted = Breakdown.count(facetState, r.facetsCollector());
                breakdowns.put(q, counted);
                total = counted.total();
            } else {
                total = counted != null ? counted.total() : searcher.count(q);
                top = n == 0 || total == 0 ? new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0])
                        : searcher.search(q, n, sort(req.order(), q), true);
            }
            ScoreDoc[] page = top.scoreDocs.length <= req.offset() ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, req.offset(), Math.min(top.scoreDocs.length, n));
            String[] snippets = req.snippets() && page.length > 0
                    ? highlighter(q).highlight(Schema.TEXT, q, new TopDocs(top.totalHits, page), 2) : null;
            List<Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                hits.add(hit(page[i], snippets == null ? null : snippets[i]));
            }
            return counted == null ? new SearchResult(total, req.offset(), hits, Map.of(), Map.of())
                    : new SearchResult(total, req.offset(), hits, counted.facets(), counted.months());
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The breakdowns this searcher keeps, for figures and tests. */
    public BreakdownCache breakdowns() {
        return breakdowns;
    }

    private static Sort sort(SearchRequest.Order order, Query q) {
        SortField id = new SortField(Schema.ID, SortField.Type.LONG);
        return switch (order) {
            // Every item scores the same for "*", so relevance is id order: sorting by id alone lets Lucene skip
            // to the first ids through the points index instead of comparing 200,000 equal scores.
            case RELEVANCE -> q instanceof MatchAllDocsQuery ? new Sort(id) : new Sort(SortField.FIELD_SCORE, id);
            case NEWEST -> {
                SortField date = new SortField(Schema.DATE, SortField.Type.LONG, true);
                date.setMissingValue(Long.MIN_VALUE);
                yield new Sort(date, id);
            }
            case OLDEST -> {
                SortField date = new SortField(Schema.DATE, SortField.Type.LONG);
                date.setMissingValue(Long.MAX_VALUE);
                yield new Sort(date, id);
            }
        };
    }

    private Hit hit(ScoreDoc sd, String snippet) throws IOException {
        JsonNode s = summary(sd.doc);
        List<String> to = new ArrayList<>();
        s.path("to").forEach(x -> to.add(x.asText()));
        float score = Float.isNaN(sd.score) ? 0f : sd.score;
        return new Hit(s.path("id").asLong(), s.path("kind").asText(), s.path("title").asText(), s.path("from").asText(null),
                to, s.path("date").asText(null), s.path("messageId").asText(null), s.path("source").asText(),
                score, snippet, s.path("size").asLong(), s.path("contentType").asText(), s.path("parent").asLong(),
                thread(sd.doc), s.path("attachments").asInt());
    }

    /** The thread id of a document, from doc values (the threading pass updates them in place). */
    private long thread(int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues dv = leaf.reader().getNumericDocValues(Schema.THREAD);
        return dv != null && dv.advanceExact(doc - leaf.docBase) ? dv.longValue() : 0;
    }

    private JsonNode summary(int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues dv = leaf.reader().getBinaryDocValues(Schema.SUMMARY);
        if (dv == null || !dv.advanceExact(doc - leaf.docBase)) return JSON.createObjectNode();
        var bytes = dv.binaryValue();
        return JSON.readTree(bytes.bytes, bytes.offset, bytes.length);
    }

    /** The whole item with this id, with every location, or empty. */
    public Optional<Item> item(long id) {
        try {
            int doc = doc(id);
            if (doc < 0) return Optional.empty();
            Document d = searcher.storedFields().document(doc);
            return Optional.of(ItemDocuments.fromDocument(d, duplicates().get(id), thread(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What downloading the item with this id needs, without reading its text or detail, or empty. */
    public Optional<Original> original(long id) {
        try {
            int doc = doc(id);
            if (doc < 0) return Optional.empty();
            return Optional.of(ItemDocuments.original(searcher.storedFields().document(doc, ItemDocuments.ORIGINAL_FIELDS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Lucene document number of the item with this id, or -1. */
    private int doc(long id) throws IOException {
        TopDocs top = searcher.search(LongPoint.newExactQuery(Schema.ID, id), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    /** Ids of the items matching a Lucene query built by the caller (replies, children), in id order. */
    public List<Long> ids(Query q, int max) {
        try {
            TopDocs top = searcher.search(q, max, new Sort(new SortField(Schema.ID, SortField.Type.LONG)));
            List<Long> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) out.add(summary(sd.doc).path("id").asLong());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The underlying Lucene searcher, for stages that build their own queries (people, threads). */
    public IndexSearcher lucene() {
        return searcher;
    }

    private Map<Long, List<String>> duplicates() throws IOException {
        Map<Long, List<String>> d = duplicates;
        if (d == null) duplicates = d = Manifest.duplicates(archive);
        return d;
    }

    private static boolean hasFacets(DirectoryReader r) {
        for (LeafReaderContext leaf : r.leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo("$facets") != null) return true;
        }
        return false;
    }

    private static Map<String, String> facetDims() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", Schema.FACET_KIND);
        m.put("year", Schema.FACET_YEAR);
        m.put("sender", Schema.FACET_SENDER);
        m.put("recipient", Schema.FACET_RECIPIENT);
        m.put("domain", Schema.FACET_DOMAIN);
        m.put("type", Schema.FACET_TYPE);
        m.put("lang", Schema.FACET_LANG);
        return m;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
