package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final String TEXT = "Naïve café – €5";

    @Test
    void utf8DeclaredAsAsciiIsReadAsUtf8() {
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "us-ascii"));
    }

    @Test
    void undeclaredEightBitFallsBackToWindows1252() {
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(Charset.forName("windows-1252")), null));
    }

    @Test
    void invalidCharsetNameIsTreatedAsUndeclared() {
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "x-no-such-charset"));
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "\"illegal name!\""));
        assertNull(Charsets.lookup("illegal name!"));
    }

    @Test
    void latinTextDeclaredAsUtf8IsNotTurnedIntoReplacementCharacters() {
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(Charset.forName("windows-1252")), "utf-8"));
    }

    @Test
    void mailerAliasesAreUnderstood() {
        assertEquals("GBK", Charsets.lookup("gb2312").name());
        assertEquals("x-windows-949", Charsets.lookup("ks_c_5601-1987").name());
        assertEquals("KOI8-R", Charsets.lookup("KOI8_R").name());
    }

    @Test
    void declaredCharsetIsUsed() {
        assertEquals("Привет", Charsets.decode("Привет".getBytes(Charset.forName("koi8-r")), "koi8-r"));
    }

    @Test
    void eightBitTextDeclaredUtf16IsReadAsIfUndeclared() {
        // Read as UTF-16 these would be CJK ideographs: "Hi there" is 䡩⁴桥牥.
        assertEquals("Meeting at noon.", Charsets.decode("Meeting at noon.".getBytes(StandardCharsets.US_ASCII), "utf-16"));
        assertEquals("Hello", Charsets.decode("Hello".getBytes(StandardCharsets.US_ASCII), "UTF-16LE"), "odd length");
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(Charset.forName("windows-1252")), "utf-16be"));
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "utf-16"));
        String chinese = "中文邮件的内容，请查收附件。";
        assertEquals(chinese, Charsets.decode(chinese.getBytes(Charset.forName("GBK")), "utf-16"), "GBK declared UTF-16");
        String russian = "Привет, мир! Как дела?";
        assertEquals(russian, Charsets.decode(russian.getBytes(Charset.forName("windows-1251")), "utf-16"));
    }

    @Test
    void realUtf16TextStaysUtf16() {
        for (String text : List.of("日本語のテキストです。", "中文", "中文邮件的内容，请查收附件。", "안녕하세요", "Привет мир",
                "Hi there", TEXT, "Meeting at noon.\r\n", "\ud83d\ude00\ud83d\ude01")) {
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16BE), "utf-16"), text);
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16BE), "UTF-16BE"), text);
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16LE), "utf-16le"), text);
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16), "utf-16"), text + " with a BOM");
        }
    }

    @Test
    void utf16DeclaredWithoutAByteOrderMarkIsReadInTheOrderItsBytesShow() {
        // Windows writes UTF-16 little-endian and often without a mark; read big-endian (RFC 2781) it is CJK garbage.
        for (String text : List.of("Meeting at noon.\r\n", TEXT, "Привет мир", "日本語のテキストです。 OK", "안녕하세요",
                "中文", "中文邮件的内容，请查收附件。", "\ud83d\ude00\ud83d\ude01")) {
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16LE), "utf-16"), text + ", LE");
            assertEquals(text, Charsets.decode(text.getBytes(StandardCharsets.UTF_16BE), "utf-16"), text + ", BE");
            assertEquals(text, Charsets.decode(marked(0xff, 0xfe, text.getBytes(StandardCharsets.UTF_16LE)), "utf-16"),
                    text + ", LE with a BOM");
            assertEquals(text, Charsets.decode(marked(0xfe, 0xff, text.getBytes(StandardCharsets.UTF_16BE)), "utf-16"),
                    text + ", BE with a BOM");
        }
    }

    @Test
    void textDeclaredUtf32ThatIsNotIsReadAsIfUndeclared() {
        // As UTF-32 these are replacement characters: lengths not a multiple of 4, or code points past U+10FFFF.
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(Charset.forName("windows-1252")), "utf-32"));
        assertEquals("Meet me at noon!", Charsets.decode("Meet me at noon!".getBytes(StandardCharsets.US_ASCII), "utf-32"));
        assertEquals("Caf\u00e9", Charsets.decode("Caf\u00e9".getBytes(Charset.forName("windows-1252")), "UTF-32BE"));
        assertEquals(TEXT, Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "utf-32le"));
        String chinese = "中文邮件的内容，请查收附件。";
        assertEquals(chinese, Charsets.decode(chinese.getBytes(Charset.forName("GBK")), "utf-32"), "GBK declared UTF-32");
    }

    @Test
    void realUtf32IsReadInEitherByteOrderWithOrWithoutAMark() {
        Charset be = Charset.forName("UTF-32BE"), le = Charset.forName("UTF-32LE");
        for (String text : List.of("Meeting at noon.\r\n", TEXT, "中文邮件的内容，请查收附件。", "\ud83d\ude00 ok")) {
            assertEquals(text, Charsets.decode(text.getBytes(be), "utf-32"), text + ", BE");
            assertEquals(text, Charsets.decode(text.getBytes(le), "utf-32"), text + ", LE");
            assertEquals(text, Charsets.decode(text.getBytes(be), "UTF-32BE"), text + ", declared BE");
            assertEquals(text, Charsets.decode(text.getBytes(le), "utf-32le"), text + ", declared LE");
            assertEquals(text, Charsets.decode(("\ufeff" + text).getBytes(be), "utf-32"), text + ", BE with a BOM");
            assertEquals(text, Charsets.decode(("\ufeff" + text).getBytes(le), "utf-32"), text + ", LE with a BOM");
        }
    }

    private static byte[] marked(int first, int second, byte[] b) {
        byte[] out = new byte[b.length + 2];
        out[0] = (byte) first;
        out[1] = (byte) second;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    @Test
    void utf8CheckAgreesWithTheJdksStrictDecoder() {
        // Every lead byte with every first continuation byte (overlongs, surrogates, past U+10FFFF, truncation)…
        for (int lead = 0; lead < 256; lead++) {
            for (int next = 0; next < 256; next++) {
                for (int tail = 0; tail <= 3; tail++) {
                    byte[] b = new byte[2 + tail];
                    b[0] = (byte) lead;
                    b[1] = (byte) next;
                    for (int k = 0; k < tail; k++) b[2 + k] = (byte) 0x80;
                    assertEquals(strict(b), Charsets.isValidUtf8(b, 0, b.length), "bytes " + java.util.HexFormat.of().formatHex(b));
                }
            }
        }
        // …and random mixes of valid text and stray bytes, checked at an offset.
        Random r = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = (TEXT + "日本語 𝄞").getBytes(StandardCharsets.UTF_8);
            if (r.nextBoolean()) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            int off = r.nextInt(3), len = b.length - off - r.nextInt(3);
            assertEquals(strict(java.util.Arrays.copyOfRange(b, off, off + len)), Charsets.isValidUtf8(b, off, len));
        }
    }

    private static boolean strict(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
