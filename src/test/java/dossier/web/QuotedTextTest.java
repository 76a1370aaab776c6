package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuotedTextTest {
    static List<QuotedText.Segment> split(String s) {
        List<QuotedText.Segment> out = QuotedText.split(s);
        assertEquals(s, out.stream().map(QuotedText.Segment::text).collect(Collectors.joining()), "segments join back to the body");
        return out;
    }

    static QuotedText.Segment seg(String text, boolean quoted) {
        return new QuotedText.Segment(text, quoted);
    }

    @Test
    void attributionAndQuotedLinesFoldTogetherAndTheSignatureAfterThemStays() {
        assertEquals(List.of(seg("Fine.\n\n", false), seg("On Fri, 11 May 2001, Bob wrote:\n> budget?\n> thin\n", true), seg("\nAlice", false)),
                split("Fine.\n\nOn Fri, 11 May 2001, Bob wrote:\n> budget?\n> thin\n\nAlice"));
    }

    @Test
    void inlineRepliesKeepEveryNewParagraphVisible() {
        assertEquals(List.of(seg("> q1\n", true), seg("a1\n", false), seg("> q2\n", true), seg("a2", false)),
                split("> q1\na1\n> q2\na2"));
    }

    @Test
    void outlookOriginalMessageFoldsEverythingAfterIt() {
        assertEquals(List.of(seg("Yes.\n", false), seg(" -----Original Message-----\nFrom: Bob\nSent: Monday\n\nbudget?", true)),
                split("Yes.\n -----Original Message-----\nFrom: Bob\nSent: Monday\n\nbudget?"));
    }

    @Test
    void anAttributionWrappedOverTwoLinesIsRecognised() {
        assertEquals(List.of(seg("Ok\n", false), seg("On Mon, 14 May 2001 at 09:39, Alice Archer\n<alice@example.org> wrote:\nold text", true)),
                split("Ok\nOn Mon, 14 May 2001 at 09:39, Alice Archer\n<alice@example.org> wrote:\nold text"));
    }

    @Test
    void textWithoutQuotesIsOneSegmentAndEmptyIsNone() {
        assertEquals(List.of(seg("On the whole, fine.\nThanks", false)), split("On the whole, fine.\nThanks"));
        assertEquals(List.of(), QuotedText.split(""));
    }
}
