package dossier.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a plain-text body into the new text and the quoted text a reply carries along, so pages can fold the
 * quotes: runs of {@code >} lines, an "On … wrote:" line with what follows it, and Outlook's
 * "-----Original Message-----" block with everything after it. Pure and thread-safe.
 */
public final class QuotedText {
    private QuotedText() {}

    /** A run of lines, quoted or not. */
    public record Segment(String text, boolean quoted) {}

    private static final Pattern WROTE = Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$");
    private static final Pattern WROTE_START = Pattern.compile("^\\s*On\\b.{0,200}$");
    private static final Pattern ORIGINAL = Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The body as segments in order; joining their texts gives the body back. */
    public static List<Segment> split(String body) {
        List<Segment> out = new ArrayList<>();
        if (body == null || body.isEmpty()) return out;
        String[] lines = body.split("\n", -1);
        boolean[] quoted = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            int attribution = attribution(lines, i);
            if (ORIGINAL.matcher(lines[i]).matches() || attribution > 0 && !quotesFollow(lines, i + attribution)) {
                for (int j = i; j < lines.length; j++) quoted[j] = true;
                break;
            }
            if (attribution > 0) {
                for (int j = i; j < i + attribution; j++) quoted[j] = true;
                i += attribution - 1;
                continue;
            }
            // A blank line belongs to the run around it, so one quote with paragraphs stays one fold.
            quoted[i] = lines[i].startsWith(">") || lines[i].isBlank() && i > 0 && quoted[i - 1] && quotesFollow(lines, i);
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && quoted[i] != quoted[i - 1]) flush(out, run, quoted[i - 1]);
            run.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        flush(out, run, quoted[lines.length - 1]);
        return out;
    }

    /** How many lines an attribution ("On Mon, 14 May 2001, Jeff wrote:", maybe wrapped) takes at i, or 0. */
    private static int attribution(String[] lines, int i) {
        if (WROTE.matcher(lines[i]).matches()) return 1;
        boolean wrapped = WROTE_START.matcher(lines[i]).matches() && i + 1 < lines.length
                && lines[i + 1].length() < 200 && lines[i + 1].strip().endsWith("wrote:");
        return wrapped ? 2 : 0;
    }

    /** Whether the next non-blank line from i is a {@code >} line. */
    private static boolean quotesFollow(String[] lines, int i) {
        for (int j = i; j < lines.length; j++) {
            if (!lines[j].isBlank()) return lines[j].startsWith(">");
        }
        return false;
    }

    private static void flush(List<Segment> out, StringBuilder run, boolean quoted) {
        if (run.isEmpty()) return;
        out.add(new Segment(run.toString(), quoted));
        run.setLength(0);
    }
}
