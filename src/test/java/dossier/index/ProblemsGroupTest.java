package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report groups problems by stage and kind of reason, not by the bytes a parser happened to meet. */
class ProblemsGroupTest {
    private static final String OLE2 = "TikaException: TIKA-198: Illegal IOException from org.apache.tika.parser.microsoft"
            + ".OfficeParser (caused by NotOLE2FileException: Invalid header signature; read %s, expected 0xE11AB1A1E011CFD0"
            + " - Your file appears not to be a valid OLE2 document)";

    @Test
    void reasonsThatDifferOnlyInNumbersHexOrQuotedNamesAreOneGroupShownAsTheirPattern() {
        List<Problem> all = List.of(
                new Problem("a.doc", "extract", OLE2.formatted("0x0A0A0A0A0A0A0A0A")),
                new Problem("b.xls", "extract", "RuntimeException (caused by ArrayIndexOutOfBoundsException: Index -1 out of bounds for length 129)"),
                new Problem("c.doc", "extract", OLE2.formatted("0xFFFEFFFFFFFEFFFF")),
                new Problem("d.docx", "extract", "SAXParseException: Element type \"w:settings\" must be followed by \">\""),
                new Problem("e.xls", "extract", "RuntimeException (caused by ArrayIndexOutOfBoundsException: Index -108590486 out of bounds for length 117)"),
                new Problem("f.docx", "extract", "SAXParseException: Element type \"a:accent5\" must be followed by \">\""),
                new Problem("g.doc", "extract", OLE2.formatted("0x0000000000000000")));
        List<Problems.Group> groups = Problems.group(all);
        assertEquals(3, groups.size(), groups.toString());
        assertEquals(new Problems.Group("extract", OLE2.formatted("0x…").replace("0xE11AB1A1E011CFD0", "0x…"),
                List.of("a.doc", "c.doc", "g.doc")), groups.get(0));
        assertEquals(new Problems.Group("extract",
                "RuntimeException (caused by ArrayIndexOutOfBoundsException: Index … out of bounds for length …)",
                List.of("b.xls", "e.xls")), groups.get(1));
        assertEquals(new Problems.Group("extract", "SAXParseException: Element type \"…\" must be followed by \"…\"",
                List.of("d.docx", "f.docx")), groups.get(2));
    }

    @Test
    void aGroupWhoseReasonsAreTheSameShowsItWhole() {
        String limit = "limit: more than 100000 messages; the rest were not read";
        List<Problems.Group> groups = Problems.group(List.of(new Problem("x.mbox", "source", limit),
                new Problem("y.mbox", "source", limit), new Problem("z.txt", "source", "empty file")));
        assertEquals(List.of(new Problems.Group("source", limit, List.of("x.mbox", "y.mbox")),
                new Problems.Group("source", "empty file", List.of("z.txt"))), groups);
    }

    @Test
    void namesWithDigitsStageAndWordsStillTellGroupsApart() {
        List<Problems.Group> groups = Problems.group(List.of(
                new Problem("a", "extract", "TIKA-198: bad part rId3 [M1.13]"),
                new Problem("b", "extract", "TIKA-199: bad part rId4 [M1.14]"),
                new Problem("c", "ocr", "TIKA-198: bad part rId3 [M1.13]"),
                new Problem("d", "extract", "truncated PDF at offset 10"),
                new Problem("e", "extract", "damaged PDF at offset 20")));
        assertEquals(5, groups.size(), groups.toString());
        assertEquals("TIKA-198: bad part rId3 [M1.13]", groups.get(0).reason());
    }

    @Test
    void patternMasksFreeStandingNumbersOnly() {
        assertEquals("read 0x…, expected 0x… at offset … of …, version 1.2b, x2, …",
                Problems.pattern("read 0x0a0d, expected 0XFFFF at offset 108584 of 3.5, version 1.2b, x2, -7"));
        // Long reasons of what the patterns scan: each is linear in its input.
        assertEquals(" …".repeat(100_000), Problems.pattern(" 7".repeat(100_000)));
        String open = "\"" + "b".repeat(100_000) + " 0x" + "f".repeat(100_000);
        assertEquals("\"" + "b".repeat(100_000) + " 0x…", Problems.pattern(open));
    }
}
