package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.RawInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The deadline policy: a file that goes to OCR may take the OCR budget; everything else keeps the per-file limit. */
class OcrDeadlineTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final RawInput SCAN = new RawInput("scans/page.png", "page.png", RawInput.Hint.FILE, PNG);
    private static final RawInput MAIL = new RawInput("mail/1.eml", "1.eml", RawInput.Hint.EMAIL,
            "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));

    @Test
    void withOcrAScanGetsTheLargerOfItsBudgetAndThePerFileLimit() {
        Parser strict = new Parser(Limits.STRICT, Extractor.inProcess(Ocr.on("eng")));
        assertTrue(strict.goesToOcr(SCAN));
        assertEquals(Ocr.on("eng").budget(), strict.timeLimit(SCAN));
        assertEquals(Duration.ofMinutes(10), strict.timeLimit(SCAN));
        Limits slow = new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxDepth(),
                Limits.DEFAULT.maxEntries(), Limits.DEFAULT.maxExpansion(), Limits.DEFAULT.maxTextChars(),
                Limits.DEFAULT.maxHeaderBytes(), Duration.ofHours(1));
        assertEquals(Duration.ofHours(1), new Parser(slow, Extractor.inProcess(Ocr.on("eng"))).timeLimit(SCAN));
    }

    @Test
    void mailAndFilesWithoutOcrKeepThePerFileLimit() {
        Parser strict = new Parser(Limits.STRICT, Extractor.inProcess(Ocr.on("eng")));
        assertFalse(strict.goesToOcr(MAIL));
        assertEquals(Limits.STRICT.timePerFile(), strict.timeLimit(MAIL));
        Parser off = new Parser(Limits.STRICT);
        assertFalse(off.goesToOcr(SCAN));
        assertEquals(Limits.STRICT.timePerFile(), off.timeLimit(SCAN));
    }
}
