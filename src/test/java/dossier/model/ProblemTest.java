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
    void aMissingReasonIsSaidSo() {
        assertEquals("unknown error", new Problem("a.eml", Problem.PARSE, " ").reason());
    }
}
