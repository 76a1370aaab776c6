package dossier.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.index.Schema;
import dossier.model.Address;
import dossier.model.Item;
import dossier.search.ItemJson;
import dossier.search.QueryException;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/export?q=…&format=csv|jsonl}: every matching item, in id order, without a cap. Pages through the
 * index with {@code searchAfter} and writes each page as it goes, so memory stays flat whatever the count. A JSONL
 * line is the API's item ({@link ItemJson#item}); CSV has one row of metadata per item.
 */
final class Export {
    private Export() {}

    private static final Logger LOG = LoggerFactory.getLogger(Export.class);
    private static final int PAGE = 500;
    static final List<String> CSV_COLUMNS = List.of("id", "kind", "date", "from", "to", "cc", "title", "name", "source",
            "sha256", "size", "contentType", "parent", "thread", "messageId");

    static void send(Site site, Context ctx) throws QueryException, IOException {
        String q = Params.query(ctx);
        if (q.isEmpty()) throw WebError.badRequest("The parameter 'q' is required: a query, or * for every item.");
        String format = ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format").strip();
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw WebError.badRequest("Unknown format '" + Params.cut(format) + "': use csv or jsonl.");
        }
        // Parse and count before the first byte, so a bad query is still a clean 400.
        Query query = site.searcher().parse(q);
        long total = site.searcher().count(q);
        boolean csv = format.equals("csv");
        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"dossier-export." + format + "\"");
        ctx.header("X-Total-Count", Long.toString(total));
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        try {
            if (csv) row(out, CSV_COLUMNS);
            IndexSearcher lucene = site.searcher().lucene();
            Sort byId = new Sort(new SortField(Schema.ID, SortField.Type.LONG));
            ScoreDoc after = null;
            while (true) {
                TopDocs page = after == null ? lucene.search(query, PAGE, byId) : lucene.searchAfter(after, query, PAGE, byId);
                for (ScoreDoc sd : page.scoreDocs) {
                    long id = (Long) ((FieldDoc) sd).fields[0];
                    Optional<Item> it = site.searcher().item(id);
                    if (it.isEmpty()) continue;
                    if (csv) row(out, csv(it.get())); else out.write(ItemJson.item(it.get()).toString() + "\n");
                }
                if (page.scoreDocs.length < PAGE) break;
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
            out.flush();
        } catch (IOException clientGone) {
            // The reader closed the connection: nothing to answer, and not a server fault.
            LOG.debug("export of '{}' stopped: {}", q, clientGone.getMessage());
        }
    }

    private static List<String> csv(Item it) {
        ObjectNode j = ItemJson.item(it);
        var e = it.email();
        return List.of(Long.toString(it.id()), it.kind().label(), j.path("date").asText(""),
                e == null || e.from().isEmpty() ? "" : e.from().get(0).display(),
                e == null ? "" : e.to().stream().map(Address::display).collect(Collectors.joining("; ")),
                e == null ? "" : e.cc().stream().map(Address::display).collect(Collectors.joining("; ")),
                it.title(), it.name(), it.source(), it.sha256(), Long.toString(it.size()), it.contentType(),
                it.parent() > 0 ? Long.toString(it.parent()) : "", it.thread() > 0 ? Long.toString(it.thread()) : "",
                e == null ? "" : e.messageId());
    }

    /** One RFC 4180 row; cells a spreadsheet would run as a formula get a leading apostrophe. */
    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) c = "'" + c;
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.write(c);
        }
        out.write("\r\n");
    }
}
