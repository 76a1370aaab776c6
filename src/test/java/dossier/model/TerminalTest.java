package dossier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void controlsBecomePicturesOfThemselves() {
        assertEquals("\u241b[2J\u241b[H cleared \u241b]0;title\u2407 and \u2400, \u2421, \uFFFD",
                Terminal.line("\u001b[2J\u001b[H cleared \u001b]0;title\u0007 and \u0000, \u007f, \u009b"));
    }

    @Test
    void oneLineHasNoBreaksAndLinesKeepTheirs() {
        assertEquals("a b c d e", Terminal.line("a\nb\rc\td\r\ne"));
        assertEquals("a\nb\nc\td\ne\n", Terminal.text("a\nb\rc\td\r\ne\r"));
    }

    @Test
    void textWithoutControlsIsLeftAlone() {
        String s = "Grüße, 東京 — “quoted” ½";
        assertSame(s, Terminal.line(s));
        assertSame(s, Terminal.text(s));
        assertNull(Terminal.line(null));
    }
}
