package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Problems;
import dossier.index.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home page says how many files had problems and links to the report, which matches the command line's. */
class ProblemsWebTest {
    @TempDir static Path tmp;
    static Archive archive;
    static WebServer web;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path dump = tmp.resolve("dump");
        Files.createDirectories(dump);
        Files.writeString(dump.resolve("a.eml"), "From: a@example.com\nTo: b@example.com\nSubject: fine\n\nAll good.\n");
        Files.write(dump.resolve("empty.txt"), new byte[0]);
        Files.write(dump.resolve("broken <b>.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        archive = Archive.create(tmp.resolve("archive"), "problems");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(dump), (f, b) -> Progress.silent());
        web = WebServer.start(archive, "127.0.0.1", 0);
        http = new Http(web.port());
    }

    @AfterAll
    static void stop() {
        if (web != null) web.stop();
    }

    @Test
    void homePageCountsFilesWithProblemsAndLinksToTheReport() throws Exception {
        String home = http.get("/").body();
        long files = Problems.files(Problems.read(archive));
        assertTrue(files >= 2, "files with problems: " + files);
        assertTrue(home.contains("<a href=\"/problems\">" + files + " files had problems</a>"), home);
        var page = http.get("/problems");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("dump/empty.txt"), page.body());
        assertTrue(page.body().contains("broken &lt;b&gt;.zip"), "paths are escaped: " + page.body());
        assertEquals(0, web.unexpectedFailures());
    }

    @Test
    void apiReportIsTheCommandLinesJson() throws Exception {
        var api = http.get("/api/v1/problems");
        assertEquals(200, api.statusCode());
        var expected = Problems.json(Problems.read(archive));
        assertEquals(expected.toString(), new ObjectMapper().readTree(api.body()).toString());
        assertTrue(expected.get("total").asInt() >= 2);
    }
}
