package dossier.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query that matches what it wraps but marks no words in a snippet. A quoted phrase requires each of its words as
 * written ({@link Phrases#exactWords}), which decides which items match; the phrase alone says where, and marking
 * each of those words wherever it stands would mark every "do" of a text for {@code "do lunch"}. Immutable.
 */
final class Unmarked extends Query {
    private final Query query;

    Unmarked(Query query) {
        this.query = query;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? this : new Unmarked(rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, query.createWeight(searcher, scoreMode, boost)) {
            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                return in.matches(context, doc) == null ? null : MatchesUtils.MATCH_WITH_NO_TERMS;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(Occur.FILTER, this));
    }

    @Override
    public String toString(String field) {
        return "unmarked(" + query.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((Unmarked) other).query);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + query.hashCode();
    }
}
