package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf7Test {

    private static String strict(String utf7) {
        byte[] b = utf7.getBytes(StandardCharsets.ISO_8859_1);
        return Utf7.strict(b, 0, b.length);
    }

    @Test
    void rfc2152ExamplesDecode() {
        assertEquals("Hi Mom -\u263a-!", strict("Hi Mom -+Jjo--!"));
        assertEquals("日本語", strict("+ZeVnLIqe-"));
        assertEquals("A\u2262\u0391.", strict("A+ImIDkQ."));
        assertEquals("Item 3 is £1.", strict("Item 3 is +AKM-1."));
    }

    @Test
    void plusDashIsAPlusSign() {
        assertEquals("1 + 1 = 2", strict("1 +- 1 = 2"));
        assertEquals("+", strict("+-"));
        assertEquals("C++", strict("C+-+-"));
    }

    @Test
    void aRunMayEndAtTheEndOfTheInputOrAtAnyNonBase64Character() {
        assertEquals("£", strict("+AKM"));
        assertEquals("£ and", strict("+AKM and"));
        assertEquals("£-", strict("+AKM--"), "only the first dash ends the run");
    }

    @Test
    void surrogatePairsBecomeOneCodePoint() {
        assertEquals("\ud83d\ude00 ok", strict("+2D3eAA- ok"));
    }

    @Test
    void textThatIsNotUtf7IsRefused() {
        assertNull(strict("caf\u00e9"), "8-bit bytes");
        assertNull(strict("1 + 1 = 2"), "a plus sign followed by no base64");
        assertNull(strict("+AKN-"), "bits left over that are not zero");
        assertNull(strict("+AK"), "a run cut in the middle of a character");
        assertNull(strict("+2D0-"), "a high surrogate without its low one");
        assertNull(strict("+3gA-"), "a low surrogate alone");
        assertNull(strict("abc+"), "a plus sign at the very end");
    }

    @Test
    void pieceByPieceDecodingGivesTheSameText() throws Exception {
        byte[] b = "Hi +ZeVnLIqe- and +2D3eAA- and +AKM-1 +-".getBytes(StandardCharsets.US_ASCII);
        CharsetDecoder d = Utf7.INSTANCE.newDecoder();
        CharBuffer out = CharBuffer.allocate(64);
        ByteBuffer in = ByteBuffer.allocate(b.length);
        for (byte x : b) {
            in.put(x).flip();
            CoderResult r = d.decode(in, out, false);
            assertEquals(CoderResult.UNDERFLOW, r);
            in.compact();
        }
        in.flip();
        d.decode(in, out, true);
        d.flush(out);
        assertEquals("Hi 日本語 and \ud83d\ude00 and £1 +", out.flip().toString());
    }

    @Test
    void theCharsetReplacesWhatItCannotReadAndNeverThrows() {
        assertEquals("\ufffd", new String(new byte[] {(byte) 0xe9}, Utf7.INSTANCE));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(12)];
            String alphabet = "+-AZaz09/ !\u00e9";
            for (int k = 0; k < b.length; k++) b[k] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            String lenient = new String(b, Utf7.INSTANCE);
            String strict = Utf7.strict(b, 0, b.length);
            if (strict != null) assertEquals(strict, lenient, () -> new String(b, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void declaredUtf7IsDecodedAndBadUtf7FallsBackLikeAnyBadCharset() {
        assertEquals("Hi Mom -\u263a-!", Charsets.decode("Hi Mom -+Jjo--!".getBytes(StandardCharsets.US_ASCII), "UTF-7"));
        assertEquals("日本語", Charsets.decode("+ZeVnLIqe-".getBytes(StandardCharsets.US_ASCII), "\"unicode-1-1-utf-7\""));
        assertEquals("1 + 1 = 2", Charsets.decode("1 + 1 = 2".getBytes(StandardCharsets.US_ASCII), "utf-7"));
        assertEquals("Naïve café", Charsets.decode("Naïve café".getBytes(StandardCharsets.UTF_8), "utf-7"));
        assertEquals("Naïve café", Charsets.decode("Naïve café".getBytes(Charsets.WINDOWS_1252), "utf-7"));
    }
}
