package dossier.search;

import dossier.index.Schema;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/** Placeholder until the query language lands: plain Lucene syntax over the text. */
public final class QueryParser {
    public Query parse(String query) throws QueryException {
        if (query == null || query.isBlank()) throw new QueryException("empty query");
        if (query.strip().equals("*")) return new MatchAllDocsQuery();
        var p = new org.apache.lucene.queryparser.classic.QueryParser(Schema.TEXT, Schema.analyzer());
        p.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
        try {
            return p.parse(query);
        } catch (Exception e) {
            throw new QueryException(e.getMessage());
        }
    }
}
