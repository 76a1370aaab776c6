package dossier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void aReasonOverSeveralLinesIsKeptOnOne() {
        // POI words a record it refuses over three lines; the problem list shows a reason per line.
        Problem p = new Problem("mail.eml#attachment/1", Problem.EXTRACT,
                "Tried to allocate an array of length 2,147,483,632.\nIf the file is not corrupt,\r\n  please open an issue \n");
        assertEquals("Tried to allocate an array of length 2,147,483,632. If the file is not corrupt, please open an issue",
                p.reason());
    }

    @Test
    void aLongReasonIsCutBetweenWordsAndSaysSo() {
        String tesseract = "TikaException: TesseractOCRParser bad exit value 1 err msg: Error in pixRead: pix not read"
                + " Error during processing.";
        assertEquals("TikaException: TesseractOCRParser bad exit value 1 err msg: Error in pixRead: pix not read Error"
                + " during\u2026", Problem.shortened(tesseract, 108));
        assertEquals(tesseract, Problem.shortened(tesseract, tesseract.length()), "a reason that fits is kept whole");
        String oneWord = "x".repeat(50);
        assertEquals("x".repeat(19) + "\u2026", Problem.shortened(oneWord, 20), "a word longer than the room is cut");
        String emoji = "a".repeat(18) + "\uD83D\uDE00" + "b".repeat(10);
        assertEquals("a".repeat(18) + "\u2026", Problem.shortened(emoji, 20), "never half a character");
    }

    @Test
    void aMissingReasonIsSaidSo() {
        assertEquals("unknown error", new Problem("a.eml", Problem.PARSE, " ").reason());
    }
}
