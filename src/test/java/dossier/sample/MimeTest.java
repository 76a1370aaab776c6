package dossier.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.junit.jupiter.api.Test;

class MimeTest {
    @Test
    void encodedWordsStayWithin75CharactersAndDecodeBack() {
        for (String text : List.of("Zoë Müller", "「Glass Harbor」公開スケジュールについて 田中 裕子 よろしくお願いいたします",
                "Re: Café Lumière – ñ, ü, é and a long tail of words to force several encoded words in one header")) {
            String encoded = Mime.encodedWords(text);
            for (String word : encoded.split(" ")) assertTrue(word.length() <= 75, word);
            assertEquals(text, DecoderUtil.decodeEncodedWords(encoded, DecodeMonitor.STRICT));
        }
    }

    @Test
    void quotedPrintableLinesStayWithin76AndDecodeBack() throws IOException {
        String text = "Viele Grüße aus Berlin, " + "x".repeat(200) + " end \nsecond line with trailing space \n= sign";
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            String qp = Mime.quotedPrintable(text, cs, "\r\n");
            for (String line : qp.split("\r\n")) assertTrue(line.length() <= 76, line);
            byte[] decoded = new QuotedPrintableInputStream(new ByteArrayInputStream(qp.getBytes(StandardCharsets.US_ASCII)))
                    .readAllBytes();
            assertEquals(text.replace("\n", "\r\n"), new String(decoded, cs));
        }
    }

    @Test
    void addressListsFoldBeforeAnItemPastColumn76() {
        List<String> items = List.of("Richard Calloway <richard.calloway@northwind-pictures.com>",
                "=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <z.mueller@mueller-verleih.example.com>", "a@b.example.com");
        String header = Mime.header("To", items, ", ", "\n");
        for (String line : header.split("\n")) assertTrue(line.length() <= 78, line);
        assertEquals(String.join(", ", items), header.strip().substring(4).replace("\n\t", " "));
    }

    @Test
    void namesWithSpecialsAreQuoted() {
        assertEquals("\"Voss, Leonard\" <l@x.example.com>", Mime.mailbox("Voss, Leonard", "l@x.example.com"));
        assertEquals("Leonard Voss <l@x.example.com>", Mime.mailbox("Leonard Voss", "l@x.example.com"));
    }

    @Test
    void mboxQuotingPrefixesEveryFromLineOnceMore() {
        String quoted = new String(DumpWriter.quoteFromLines(
                "From: a@b\n\nFrom the desk\n>From quoted\nFromage\n".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII);
        assertEquals("From: a@b\n\n>From the desk\n>>From quoted\nFromage\n", quoted);
        assertEquals("From: a@b\n\nFrom the desk\n>From quoted\nFromage\n", DumpReader.unquote(quoted));
    }
}
