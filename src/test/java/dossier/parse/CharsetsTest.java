package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
}
