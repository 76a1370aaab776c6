package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.Kind;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.RawInput;
import dossier.testutil.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parses real third-party material from ../shared/corpora; expected strings were checked with another decoder. */
class CorpusParsingTest {
    private static ParseResult parseFile(Path file) throws IOException {
        return Fixtures.PARSER.parse(new RawInput(file.toString(), file.getFileName().toString(), RawInput.Hint.FILE,
                Files.readAllBytes(file)));
    }

    private static List<Path> files(String corpus) throws IOException {
        try (Stream<Path> s = Files.walk(Corpora.get(corpus))) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("SOURCE.md"))
                    .sorted().toList();
        }
    }

    private static Parsed nasty(String file) throws IOException {
        return parseFile(Corpora.get("nasty-mime/mailcore2-summary/" + file)).item();
    }

    @Test
    void cjkSubjectsAndNamesDecodeToTheRightText() throws IOException {
        Parsed chinese = nasty("1021-chinese.eml"); // gb18030 B-word
        assertEquals("哈哈", chinese.title());
        assertEquals(new Address("向左", "wujyou@qq.com"), chinese.email().from().get(0));
        Parsed japanese = nasty("4925-japanese.eml"); // iso-2022-jp B-word
        assertEquals("ＥＴＣマイレージからのお知らせ", japanese.title());
        assertEquals("ＥＴＣマイレージサービス事務局", japanese.email().from().get(0).name());
        assertEquals("ja", japanese.language());
        Parsed korean = nasty("1798-korean.eml"); // raw 8-bit EUC-KR header, charset only on the body
        assertEquals("[주말특가] 일본정품 후끈후끈 핫팩, 손난로 주말특가!", korean.title());
    }

    @Test
    void cyrillicSubjectsAndNamesDecodeToTheRightText() throws IOException {
        Parsed koi8 = nasty("6144-russian.eml"); // charset written "koi8_r", split over two words
        assertEquals("Comment posted on \"Что лучше Android или iOS..?!\"", koi8.title());
        Parsed raw1251 = nasty("4850-russian.eml"); // raw 8-bit windows-1251 Subject
        assertEquals("Рассылка: Уведомление участникам тендеров", raw1251.title());
        assertEquals("ru", raw1251.language());
        Parsed names = nasty("5229-cyrillic-asian.eml");
        assertEquals(new Address("Иван Винников", "iv@reggi.ru"), names.email().from().get(0));
    }

    @Test
    void everySpamAssassinEasyHamFileIsAnEmailWithAFrom() throws IOException {
        List<Path> files = files("spamassassin-public-corpus/easy-ham-1");
        assertTrue(files.size() > 2000, "corpus incomplete: " + files.size());
        List<String> bad = new ArrayList<>();
        for (Path f : files) {
            Parsed p = parseFile(f).item();
            if (p.kind() != Kind.EMAIL || p.email().from().isEmpty() || p.email().from().get(0).display().isEmpty()) {
                bad.add(f.getFileName() + " " + p.kind());
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void enronSkillingMailHasDatesAndLotusNotesNames() throws IOException {
        List<Path> files = files("enron-maildir/skilling-j");
        assertTrue(files.size() > 4000, "corpus incomplete: " + files.size());
        List<String> bad = new ArrayList<>();
        int named = 0;
        for (Path f : files) {
            Parsed p = parseFile(f).item();
            if (p.kind() != Kind.EMAIL || p.date() == null || p.email().from().isEmpty()) {
                bad.add(f + " " + p.kind() + " " + p.date());
                continue;
            }
            if (!p.email().from().get(0).name().isEmpty()) named++;
        }
        assertEquals(List.of(), bad);
        assertTrue(named > files.size() * 0.95, "From names from X-From: " + named + " of " + files.size());
        Parsed first = parseFile(Corpora.get("enron-maildir/skilling-j/_sent_mail/1.")).item();
        assertEquals(new Address("Sherri Sera", "sherri.sera@enron.com"), first.email().from().get(0));
        assertEquals(java.time.Instant.parse("2000-12-13T15:05:00Z"), first.date());
        assertEquals("-0800", first.email().originalZone());
    }

    @Test
    void tikaTestDocumentsGiveText() throws IOException {
        String[][] expected = {
                {"footnotes.docx", "Eto ochen prostoy"},
                {"russian.cp866.txt", "Однажды, в студеную зимнюю пору"},
                {"resume.html", "Предлагаем Вам ознакомиться"},
                {"jxl.xls", "Number Formats"},
        };
        for (String[] e : expected) {
            ParseResult r = parseFile(Corpora.get("documents/tika/" + e[0]));
            assertEquals(Kind.DOCUMENT, r.item().kind(), e[0]);
            assertTrue(r.item().text().contains(e[1]), e[0] + ": " + r.item().text());
            assertEquals(List.of(), r.problems(), e[0]);
        }
        ParseResult encrypted = parseFile(Corpora.get("documents/tika/full_encrypted.7z"));
        assertNotNull(encrypted.item());
        assertEquals("encrypted document", encrypted.problems().get(0).reason());
    }

    @Test
    void everyNastyMimeFileYieldsAnItem() throws IOException {
        for (Path f : files("nasty-mime")) {
            ParseResult r = parseFile(f);
            assertNotNull(r.item(), f.toString());
            // A damaged transfer encoding or a multipart left open is recorded, but the message is read (several of
            // these files are broken so).
            assertFalse(r.problems().stream().anyMatch(p -> p.stage().equals("parse") && !p.reason().startsWith("bad ")
                    && !p.reason().contains(" ends without its closing boundary")
                    && !p.reason().contains(" has no parts")), f + ": " + r.problems());
        }
    }
}
