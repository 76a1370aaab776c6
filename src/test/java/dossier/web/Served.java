package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.index.Archive;
import dossier.search.QueryException;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import java.io.IOException;

/** An archive served for a test: the real server on a free port, a client for it, and a searcher; close stops both. */
record Served(Archive archive, WebServer web, Http http, Searcher searcher) implements AutoCloseable {
    static Served start(Archive archive) {
        WebServer web = WebServer.start(archive, "127.0.0.1", 0);
        return new Served(archive, web, new Http(web.port()), Searcher.open(archive));
    }

    /** The id of the one item a query finds. */
    long idOf(String query) throws QueryException {
        SearchResult r = searcher.search(new SearchRequest(query, SearchRequest.Order.RELEVANCE, 0, 1, false, false));
        assertEquals(1, r.total(), "expected exactly one item for " + query);
        return r.hits().get(0).id();
    }

    @Override
    public void close() throws IOException {
        web.stop();
        searcher.close();
    }
}
