package dossier.web;

import dossier.index.Archive;
import dossier.index.ArchiveWriter;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.RawInput;
import dossier.parse.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small dump we write ourselves, covering every page type: a plain email with quotes and a reply to it, an HTML
 * email with a {@code cid:} image and attachments, a hostile HTML email whose every trick points at a "remote" port,
 * a standalone document, and a run of 45 dated emails for paging and the histogram. Built into a real archive with
 * the real parser and writer.
 */
final class WebFixtures {
    private WebFixtures() {}

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    static final String HOSTILE_SUBJECT = "Hostile message";
    static final String ATTACHMENT_SUBJECT = "Quarterly figures with logo";
    static final int WEEKLY = 45;

    /** The dump's files, in the order they are ingested; {@code remote} is the port hostile HTML points at. */
    static Map<String, byte[]> dump(int remote) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mail/01-plain.eml", bytes(plain()));
        files.put("mail/02-reply.eml", bytes(reply()));
        files.put("mail/03-attachments.eml", bytes(withAttachments()));
        files.put("mail/04-hostile.eml", bytes(hostile("http://127.0.0.1:" + remote)));
        for (int i = 1; i <= WEEKLY; i++) files.put(String.format("mail/weekly-%02d.eml", i), bytes(weekly(i)));
        files.put("docs/zanzibar-report.txt", bytes("Report on the Zanzibar pipeline.\nCapacity rose by a third.\n"));
        return files;
    }

    /** Writes the dump into an archive at dir. */
    static Archive build(Path dir, int remote) throws IOException {
        Archive archive = Archive.create(dir, "Fixture archive");
        Parser parser = new Parser(Limits.DEFAULT);
        try (ArchiveWriter w = ArchiveWriter.open(archive)) {
            for (var f : dump(remote).entrySet()) {
                String name = f.getKey().substring(f.getKey().lastIndexOf('/') + 1);
                RawInput.Hint hint = name.endsWith(".eml") ? RawInput.Hint.EMAIL : RawInput.Hint.FILE;
                ParseResult r = parser.parse(new RawInput("fixtures/" + f.getKey(), name, hint, f.getValue()));
                w.add(r.item());
                w.fileDone("fixtures/" + f.getKey());
            }
            w.finish();
        }
        return Archive.open(dir);
    }

    /** Writes the dump as files, for tests that run the real ingest. */
    static Path write(Path dir, int remote) throws IOException {
        for (var f : dump(remote).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return dir;
    }

    private static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String plain() {
        return """
                From: Alice Archer <alice@example.org>
                To: Bob Baker <bob@example.org>
                Subject: Budget meeting
                Date: Mon, 14 May 2001 09:39:00 -0700
                Message-ID: <m1@example.org>
                Content-Type: text/plain; charset=utf-8

                Bob, the budget meeting moves to Thursday.

                On Fri, 11 May 2001, Bob Baker wrote:
                > Can we talk about the budget?
                > The forecast looks thin.

                Alice
                """;
    }

    static String reply() {
        return """
                From: Bob Baker <bob@example.org>
                To: Alice Archer <alice@example.org>
                Subject: Re: Budget meeting
                Date: Mon, 14 May 2001 11:00:00 -0700
                Message-ID: <m2@example.org>
                In-Reply-To: <m1@example.org>
                References: <m1@example.org>
                Content-Type: text/plain; charset=utf-8

                Thursday works.
                """;
    }

    static String withAttachments() {
        String png = Base64.getMimeEncoder().encodeToString(PNG);
        return """
                From: Carol Chen <carol@example.com>
                To: Alice Archer <alice@example.org>
                Subject: %s
                Date: Tue, 15 May 2001 10:00:00 +0000
                Message-ID: <m3@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <html><body><p>The <b>quarterly figures</b> are attached.</p><img src="cid:logo@example.com" alt="logo"></body></html>
                --rel
                Content-Type: image/png; name="logo.png"
                Content-ID: <logo@example.com>
                Content-Disposition: inline; filename="logo.png"
                Content-Transfer-Encoding: base64

                %s
                --rel--
                --outer
                Content-Type: text/plain; name="figures notes.txt"
                Content-Disposition: attachment; filename="figures notes.txt"

                Revenue of the Okavango unit grew eleven percent.
                --outer--
                """.formatted(ATTACHMENT_SUBJECT, png);
    }

    /** An HTML email that tries every way to run script or reach a remote server. */
    static String hostile(String remote) {
        String html = """
                <html><head>
                <base href="%1$s/base/">
                <meta http-equiv="refresh" content="0; url=%1$s/refresh">
                <link rel="stylesheet" href="%1$s/link.css">
                <style>body { background: url(%1$s/style-bg.png) } @import url(%1$s/import.css);</style>
                <script>document.title = 'PWNED'; fetch('%1$s/script-fetch');</script>
                <script src="%1$s/script.js"></script>
                </head><body onload="document.title='PWNED-onload'">
                <p id="visible">Hostile body text survives.</p>
                <img src="%1$s/remote.png" alt="tracker">
                <img src="x" onerror="document.body.setAttribute('data-pwned','1'); new Image().src='%1$s/onerror'">
                <a href="javascript:document.title='PWNED-link'" id="jslink">click me</a>
                <a href="%1$s/page" id="remote-link">a remote page</a>
                <svg><script>document.title='PWNED-svg'</script><image href="%1$s/svg-image.png"/></svg>
                <iframe src="%1$s/iframe"></iframe>
                <object data="%1$s/object"></object><embed src="%1$s/embed">
                <form action="%1$s/form" method="post"><input name="x" value="y"><button>Send</button></form>
                <div style="background-image: url(%1$s/inline-style.png)">styled</div>
                <video poster="%1$s/poster.png" src="%1$s/video.mp4"></video>
                <table background="%1$s/table-bg.png"><tr><td>cell</td></tr></table>
                <p><img srcset="%1$s/srcset.png 1x" src="%1$s/srcset-src.png"></p>
                <math><mi xlink:href="javascript:document.title='PWNED-math'">m</mi></math>
                </body></html>
                """.formatted(remote);
        return """
                From: Mallory <mallory@evil.example>
                To: Alice Archer <alice@example.org>
                Subject: %s
                Date: Wed, 16 May 2001 10:00:00 +0000
                Message-ID: <m4@evil.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                %s""".formatted(HOSTILE_SUBJECT, html);
    }

    static String weekly(int n) {
        int month = 1 + (n - 1) / 5; // five a month, January to September 2000
        return """
                From: Dan Diaz <dan@example.net>
                To: Team <team@example.net>
                Subject: Weekly report %1$d
                Date: Mon, %2$d %3$s 2000 08:00:00 +0000
                Message-ID: <weekly-%1$d@example.net>
                Content-Type: text/plain; charset=utf-8

                Weekly report number %1$d on the pipeline throughput.
                """.formatted(n, 1 + (n - 1) % 5 * 5, new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"}[month - 1]);
    }
}
