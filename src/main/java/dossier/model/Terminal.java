package dossier.model;

/**
 * Text from a dump made safe to print on a terminal. A subject, a name or a file name is the dump's author's choice,
 * and control characters in it are commands to the reader's terminal: {@code ESC [2J} clears the screen,
 * {@code ESC ]0;…BEL} sets the window's title, {@code ESC ]8;;URL} makes a link, a carriage return overwrites what the
 * line said. Each C0 control, DEL and C1 control is shown as a picture of itself instead ({@code ␛} for ESC, {@code ␀}
 * for NUL, {@code ␡} for DEL, U+FFFD for the C1 controls), so nothing is hidden and nothing runs.
 *
 * <p>JSON output needs none of this (JSON escapes control characters), nor the original bytes of
 * {@code show --format raw}, which are the archive's content as it is.
 */
public final class Terminal {
    private Terminal() {}

    /** {@code s} for one line of output: line breaks and tabs become spaces, other controls pictures. Null stays null. */
    public static String line(String s) {
        return s == null ? null : clean(s, false);
    }

    /** {@code s} as lines of output: line breaks (CRLF, CR or LF) and tabs are kept, other controls become pictures. */
    public static String text(String s) {
        return s == null ? null : clean(s, true);
    }

    private static String clean(String s, boolean lines) {
        int i = 0;
        while (i < s.length() && !control(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!control(c)) {
                b.append(c);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                // CRLF: the LF that follows ends the line
            } else if (c == '\n' || c == '\r' || c == '\t') {
                b.append(!lines ? ' ' : c == '\r' ? '\n' : c); // a lone CR ends a line too, not overwrites it
            } else {
                b.append(picture(c));
            }
        }
        return b.toString();
    }

    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static char picture(char c) {
        if (c < 0x20) return (char) (0x2400 + c); // the Control Pictures block: ␀ … ␟
        return c == 0x7f ? '\u2421' : '\uFFFD';
    }
}
