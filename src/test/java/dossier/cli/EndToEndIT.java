package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code ./dossier} launcher, as a user would, and checks what it prints. */
class EndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;
    static Path dump, archive;

    record Run(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run dossier(String... args) throws Exception {
        return dossier(java.util.Map.of(), args);
    }

    /** Runs {@code ./dossier} with {@code env} added to its environment. */
    static Run dossier(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("./dossier"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] err;
        try (var e = p.getErrorStream()) {
            var errBuf = new ByteArrayOutputStream();
            Thread errReader = Thread.ofPlatform().start(() -> {
                try {
                    e.transferTo(errBuf);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            p.getInputStream().transferTo(out);
            int exit = p.waitFor();
            errReader.join();
            err = errBuf.toByteArray();
            return new Run(exit, out.toByteArray(), new String(err, StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void writeDump() throws IOException {
        dump = tmp.resolve("dump");
        Files.createDirectories(dump.resolve("mail"));
        String mbox = """
                From alice@example.com Mon May 14 16:39:00 2001
                From: Alice Archer <alice@example.com>
                To: Bob Baker <bob@example.com>
                Subject: Quarterly zeppelin budget
                Date: Mon, 14 May 2001 09:39:00 -0700
                Message-ID: <one@example.com>

                The zeppelin budget needs negotiating before Friday.
                From the desk of Alice: this line starts with From and must not split the message.

                From bob@example.com Tue May 15 10:00:00 2001
                From: Bob Baker <bob@example.com>
                To: Alice Archer <alice@example.com>
                Subject: Re: Quarterly zeppelin budget
                Date: Tue, 15 May 2001 10:00:00 +0000
                Message-ID: <two@example.com>
                In-Reply-To: <one@example.com>

                Agreed, the negotiation starts Monday.
                """;
        Files.writeString(dump.resolve("mail/list.mbox"), mbox);
        Files.writeString(dump.resolve("notes.txt"), "Minutes of the zeppelin committee, résumé attached.\n");
        archive = tmp.resolve("archive");
    }

    @Test
    void anIngestWhoseHeapRunsOutSaysSoAndTheSameCommandWithMoreHeapFinishesIt() throws Exception {
        // 800 emails of 75 KB, each of words seldom seen twice: more than a 40 MB heap can parse and index at once.
        Path dir = tmp.resolve("oom");
        Files.createDirectories(dir);
        Path mbox = dir.resolve("big.mbox");
        java.util.Random random = new java.util.Random(3);
        try (var out = Files.newBufferedWriter(mbox, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < 800; i++) {
                out.write("From a@b Tue Jan  1 00:00:00 2002\nFrom: Sender " + i + " <s" + i + "@example.com>\n"
                        + "Subject: big " + i + "\nMessage-ID: <big" + i + "@example.com>\n\n");
                for (int w = 0; w < 10_000; w++) out.write("w" + random.nextInt(200_000) + (w % 12 == 11 ? "\n" : " "));
                out.write("\n\n");
            }
        }
        String out = dir.resolve("archive").toString();
        Run small = dossier(java.util.Map.of("DOSSIER_JAVA_OPTS", "-Xmx40m"), "ingest", "--no-ocr", "--archive", out,
                "--format", "json", mbox.toString());
        assertEquals(1, small.exit(), small.err());
        assertTrue(small.err().contains("dossier: out of memory: the Java heap of "), small.err());
        assertTrue(small.err().contains("DOSSIER_JAVA_OPTS=-Xmx4g"), small.err());
        assertFalse(small.err().contains("\tat "), "no stack trace: " + small.err());
        Run again = dossier("ingest", "--no-ocr", "--archive", out, "--format", "json", mbox.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(800, again.json().get("emails").asLong());
        assertEquals(0, again.json().get("problems").asLong());
    }

    @Test
    void ingestThenSearchCountShowAndProblems() throws Exception {
        Run ingest = dossier("ingest", "--archive", archive.toString(), "--format", "json", dump.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        JsonNode s = ingest.json();
        assertEquals(2, s.get("files").asInt());
        assertEquals(2, s.get("emails").asInt());
        assertEquals(1, s.get("documents").asInt());
        assertTrue(s.has("seconds") && s.has("duplicates") && s.has("problems") && s.has("attachments"));

        Run search = dossier("search", "--archive", archive.toString(), "--format", "json", "zeppelin", "negotiation");
        assertEquals(0, search.exit(), search.err());
        JsonNode r = search.json();
        assertEquals(2, r.get("total").asInt(), "stemming: negotiating and negotiation both match");
        JsonNode hit = r.get("hits").get(0);
        for (String f : List.of("id", "kind", "title", "from", "to", "date", "messageId", "source", "score", "snippet")) {
            assertTrue(hit.has(f), "hit has " + f + ": " + hit);
        }
        assertTrue(hit.get("source").asText().startsWith("dump/mail/list.mbox#"), hit.toString());

        Run count = dossier("count", "--archive", archive.toString(), "resume");
        assertEquals("1", count.text().strip(), "accent folding: resume finds résumé");

        long id = hit.get("id").asLong();
        Run raw = dossier("show", "--archive", archive.toString(), "--format", "raw", Long.toString(id));
        assertEquals(0, raw.exit());
        Run json = dossier("show", "--archive", archive.toString(), "--format", "json", Long.toString(id));
        JsonNode item = json.json();
        assertEquals(id, item.get("id").asLong());
        String blob = item.get("sha256").asText();
        assertArrayEquals(Files.readAllBytes(archive.resolve("blobs").resolve(blob.substring(0, 2))
                .resolve(blob.substring(2, 4)).resolve(blob)), raw.out());

        Run problems = dossier("problems", "--archive", archive.toString(), "--format", "json");
        assertEquals(0, problems.exit());
        assertEquals(0, problems.json().get("total").asInt());
    }

    @Test
    void badQueryMissingSourceAndBadOptionExitWithTwo() throws Exception {
        Run ingest = dossier("ingest", "--archive", tmp.resolve("other").toString(), tmp.resolve("nope").toString());
        assertEquals(2, ingest.exit());
        assertTrue(ingest.err().contains("source not found"), ingest.err());
        Run badOption = dossier("search", "--frobnicate", "x");
        assertEquals(2, badOption.exit());
        Path second = tmp.resolve("archive2");
        dossier("ingest", "--archive", second.toString(), dump.toString());
        Run badQuery = dossier("search", "--archive", second.toString(), "\"unbalanced");
        assertEquals(2, badQuery.exit());
        assertTrue(badQuery.err().contains("bad query"), badQuery.err());
    }

    /**
     * Dates a command's class data archives (target/COMMAND-JDK.jsa) to 1970: the launcher removes one older than the
     * jar, so the next run of the command writes a new one.
     */
    private static void ageClassArchives(String command) throws IOException {
        try (var old = Files.newDirectoryStream(Path.of("target"), command + "-*.jsa")) {
            for (Path p : old) Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0));
        }
    }

    /** Whether a command's class data archive was written since {@link #ageClassArchives}. */
    private static boolean classArchiveWritten(String command) throws IOException {
        try (var written = Files.newDirectoryStream(Path.of("target"), command + "-*.jsa")) {
            boolean fresh = false;
            for (Path p : written) fresh |= Files.getLastModifiedTime(p).toMillis() > 0;
            return fresh;
        }
    }

    @Test
    void serveAnswersAndNextStartsFromTheClassDataArchiveTheFirstWroteOnStopping() throws Exception {
        Path served = tmp.resolve("served");
        assertEquals(0, dossier("ingest", "--archive", served.toString(), dump.toString()).exit());
        ageClassArchives("serve");
        for (int run = 1; run <= 2; run++) {
            List<String> lines = serveOnce(served);
            String all = String.join("\n", lines);
            assertTrue(all.contains("id=\"total\"") && all.contains("class=\"count\""), "a search page with facets: " + all);
            assertTrue(lines.stream().noneMatch(l -> l.contains("[warning]") || l.contains("[error]")), "JVM notes: " + all);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Serving ")), "its own line with the address: " + all);
            assertTrue(lines.stream().noneMatch(l -> l.contains("INFO io.javalin") || l.contains("INFO org.eclipse.jetty")),
                    "no start-up notes of the web server's: " + all);
            assertTrue(classArchiveWritten("serve"), "the first server wrote a new archive when it stopped");
            if (run == 2) assertTrue(all.contains("dossier.web.WebServer source: shared objects file"), "classes came from it");
        }
    }

    @Test
    void commandLineRunsStartFromAClassDataArchiveOfTheirOwnAndPrintOnlyTheirAnswer() throws Exception {
        Path archive = tmp.resolve("cds");
        assertEquals(0, dossier("ingest", "--archive", archive.toString(), dump.toString()).exit());
        ageClassArchives("count");
        Run first = dossier("count", "--archive", archive.toString(), "zeppelin"); // writes the archive as it ends
        Path classes = tmp.resolve("classes.log");
        Run second = dossier(java.util.Map.of("DOSSIER_JAVA_OPTS", "-Xmx512m -Xlog:class+load=info:file=" + classes),
                "count", "--archive", archive.toString(), "zeppelin");
        for (Run r : List.of(first, second)) {
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.text().matches("[1-9][0-9]*\\n"), "the count and nothing else: " + r.text());
            assertEquals("", r.err(), "nothing on stderr either");
        }
        assertEquals(first.text(), second.text());
        assertTrue(classArchiveWritten("count"), "the first count wrote a new archive when it ended");
        assertTrue(Files.readString(classes).contains("dossier.cli.CountCommand source: shared objects file"),
                "the second count's classes came from it");
    }

    /**
     * A power cut must not leave a committed item without its whole original: the blobs are flushed (one {@code sync
     * --file-system}) before every commit. A {@code sync} earlier on the PATH notes the index's commit generation each
     * time it is run, then runs the real one: the ingest's syncs must see generations 0, 1, ... up to the last commit,
     * one before each.
     */
    @Test
    void theOriginalsReachTheDiskBeforeEachCommitThatRecordsThem() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("syncs"));
        Path archive = dir.resolve("archive"), log = dir.resolve("syncs.log"), spy = Files.createDirectories(dir.resolve("bin"));
        Process which = new ProcessBuilder("sh", "-c", "command -v sync").start();
        String realSync = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, which.waitFor());
        Files.writeString(spy.resolve("sync"), "#!/bin/sh\n"
                + "g=$(ls '" + archive.resolve("index") + "' 2>/dev/null | sed -n 's/^segments_//p' | sort -n | tail -1)\n"
                + "echo \"${g:-0}\" >> '" + log + "'\n"
                + "exec '" + realSync + "' \"$@\"\n");
        assertTrue(spy.resolve("sync").toFile().setExecutable(true));
        Run r = dossier(java.util.Map.of("PATH", spy + ":" + System.getenv("PATH")),
                "ingest", "--archive", archive.toString(), "--commit-every", "1", dump.toString());
        assertEquals(0, r.exit(), r.err());
        long last;
        try (var s = Files.list(archive.resolve("index"))) {
            last = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_"))
                    .mapToLong(n -> Long.parseLong(n.substring(9), Character.MAX_RADIX)).max().orElseThrow();
        }
        assertTrue(last >= 3, "a commit at the start, after each of the two files, and at the end: " + last);
        List<String> expected = java.util.stream.LongStream.range(0, last).mapToObj(Long::toString).toList();
        assertEquals(expected, Files.readAllLines(log), "one sync right before each commit");
    }

    /**
     * Two first runs of a command that end together must not both write its class data archive: a torn one fails every
     * later run. The launcher locks target/COMMAND-JDK.jsa.lock (flock) for the JVM's life; a run that cannot have the
     * lock, as beside another first run, starts without the archive and writes none.
     */
    @Test
    void aRunThatCannotLockTheClassDataArchiveNeitherUsesNorWritesIt() throws Exception {
        Path archive = tmp.resolve("locked");
        assertEquals(0, dossier("ingest", "--archive", archive.toString(), dump.toString()).exit());
        assertEquals(0, dossier("count", "--archive", archive.toString(), "zeppelin").exit()); // makes archive and lock
        Path lock;
        try (var locks = Files.newDirectoryStream(Path.of("target"), "count-*.jsa.lock")) {
            lock = locks.iterator().next();
        }
        ageClassArchives("count");
        // -o: the lock is flock's alone, not its sleeping child's, so killing flock releases it
        Process holder = new ProcessBuilder("flock", "-o", "-x", lock.toString(), "sleep", "600").start();
        try {
            while (new ProcessBuilder("flock", "-n", "-x", lock.toString(), "true").start().waitFor() == 0) {
                assertTrue(holder.isAlive(), "flock could not take the lock");
                Thread.sleep(20);
            }
            Run beside = dossier("count", "--archive", archive.toString(), "zeppelin");
            assertEquals(0, beside.exit(), beside.err());
            assertTrue(beside.text().matches("[1-9][0-9]*\\n"), beside.text());
            assertFalse(classArchiveWritten("count"), "no archive written while another run holds the lock");
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly().waitFor();
        }
        assertEquals(0, dossier("count", "--archive", archive.toString(), "zeppelin").exit());
        assertTrue(classArchiveWritten("count"), "the next run, alone, wrote it");
    }

    @Test
    void nonAsciiFileNamesAreRecordedAsTheyAreUnderTheCLocale() throws Exception {
        Path dir = tmp.resolve("names");
        // Named by the shell from bytes, so that this test JVM's own locale does not matter.
        Process mk = new ProcessBuilder("sh", "-c", "mkdir -p dump && cd dump"
                + " && printf 'From: a@example.com\\nSubject: one\\n\\nbody one\\n' > \"$(printf 'r\\303\\251sum\\303\\251.eml')\""
                + " && printf 'From: a@example.com\\nSubject: two\\n\\nbody two\\n' > \"$(printf '\\346\\227\\245\\346\\234\\254.eml')\"")
                .directory(Files.createDirectories(dir).toFile()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        Path archive = dir.resolve("archive");
        Run r = dossier(java.util.Map.of("LC_ALL", "C", "LANG", "C"), "ingest", "--archive", archive.toString(),
                dir.resolve("dump").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> sources = Files.readAllLines(archive.resolve("manifest.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(l -> l.substring(l.lastIndexOf('\t') + 1)).toList();
        assertEquals(List.of("dump/r\u00e9sum\u00e9.eml", "dump/\u65e5\u672c.eml"), sources);
    }

    @Test
    void aFileOfTerabytesIsALimitProblemAndTheLauncherSaysNothingOfIt() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("huge/dump"));
        try (var f = new java.io.RandomAccessFile(dump.resolve("sparse.bin").toFile(), "rw")) {
            f.setLength(1L << 40); // sparse: no disk used
        }
        Path archive = tmp.resolve("huge/archive");
        Run r = dossier("ingest", "--archive", archive.toString(), "--format", "json", dump.toString());
        assertEquals(0, r.exit(), r.err());
        // The launcher sums the sources' sizes to choose the JIT; past 2^31 awk printed 1.09951e+12 and the shell
        // said "integer expression expected".
        assertTrue(!r.err().contains("expression"), r.err());
        assertTrue(Files.readString(archive.resolve("problems.jsonl"))
                .contains("{\"path\":\"dump/sparse.bin\",\"stage\":\"limit\",\"reason\":\"larger than "), "a limit problem");
    }

    /**
     * A document that POI reads but complains of (a docx whose relations name a font table it lacks) is read without
     * a word from POI on stderr: the parser libraries log nothing unless asked, in the ingest and in its workers. Asked
     * for warnings, the same ingest shows the line, so the document does provoke one.
     */
    @Test
    void parserLibrariesSayNothingOfAFileTheyComplainOfUnlessAsked() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("chatter/dump"));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(dump.resolve("lease.docx")))) {
            String rels = "http://schemas.openxmlformats.org/package/2006/relationships";
            String office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
            java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
            parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            parts.put("_rels/.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"rId1\" Type=\"" + office
                    + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            parts.put("word/_rels/document.xml.rels", "<Relationships xmlns=\"" + rels + "\"><Relationship Id=\"rId9\" Type=\""
                    + office + "fontTable\" Target=\"fontTable.xml\"/></Relationships>");
            parts.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>Zeppelin hangar lease</w:t></w:r></w:p></w:body></w:document>");
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Run quiet = dossier("ingest", "--archive", tmp.resolve("chatter/quiet").toString(), "--format", "json", dump.toString());
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals(1, quiet.json().get("documents").asInt());
        assertFalse(quiet.err().contains("org.apache"), quiet.err());
        Run found = dossier("search", "--archive", tmp.resolve("chatter/quiet").toString(), "--format", "json", "hangar");
        assertEquals(1, found.json().get("total").asInt(), "the document was read");

        Run asked = dossier(java.util.Map.of("DOSSIER_JAVA_OPTS",
                        "-Xmx1g -Ddossier.parser.java-options=-Dorg.slf4j.simpleLogger.log.org.apache=warn"),
                "ingest", "--archive", tmp.resolve("chatter/asked").toString(), "--format", "json", dump.toString());
        assertEquals(0, asked.exit(), asked.err());
        assertTrue(asked.err().contains("ERROR org.apache.poi.ooxml.POIXMLDocumentPart - Skipped invalid entry /word/fontTable.xml"),
                asked.err());
    }

    /** Starts {@code ./dossier serve} on a free port, fetches one search page, stops it with SIGTERM; output and page. */
    private static List<String> serveOnce(Path archive) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("./dossier", "serve", "--archive", archive.toString(), "--port", "0")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("DOSSIER_JAVA_OPTS", "-Xmx512m -Xlog:class+load=info");
        Process p = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        var serving = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    lines.add(l);
                    var m = java.util.regex.Pattern.compile("at (http://\\S+/) ").matcher(l);
                    if (m.find()) serving.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            serving.complete(null);
        });
        try {
            String base = serving.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertTrue(base != null, "the server said where it listens: " + lines);
            var http = java.net.http.HttpClient.newHttpClient();
            var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "search?q=zeppelin")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            lines.add(page.body());
        } finally {
            p.destroy();
            p.waitFor();
            reader.join();
        }
        return new ArrayList<>(lines);
    }
}
