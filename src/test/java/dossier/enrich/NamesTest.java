package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void cleaningReadsTheFormsMailersWrite() {
        assertEquals("Jeff Skilling", Names.clean("Jeff Skilling/HOU/ECT@ECT"));
        assertEquals("Kenneth Lay", Names.clean("Kenneth Lay@ENRON"));
        assertEquals("Skilling, Jeff", Names.clean("\"Skilling, Jeff\""));
        assertEquals("Jeff Skilling", Names.clean(" Jeff\t (CEO)  Skilling "));
        assertEquals("", Names.clean("jeff.skilling@enron.com"));
        assertEquals("", Names.clean("'jeff.skilling@enron.com'"));
        assertEquals("jose garcia", Names.fold("José GARCÍA"));
    }

    /**
     * A name of a hostile length (a fuzzed From of 200,000 characters around an {@code @}) is cut to
     * {@value Names#LONGEST} characters before a pattern reads it: whole, the search for an address in it ran for minutes
     * and held up the end of the ingest. Without the cut this test does not end.
     */
    @Test
    void aNameOfHostileLengthIsCutBeforeItIsRead() {
        String huge = "x".repeat(100_000) + "@" + "y".repeat(100_000);
        assertEquals("x".repeat(Names.LONGEST), Names.clean(huge));
        assertEquals(null, Names.parse(huge), "one word is not a person's name");
        assertEquals("Jeff Skilling", Names.display("Skilling, Jeff" + " ".repeat(100_000) + "/HOU/ECT@ECT".repeat(1000)));
        String faces = "a".repeat(Names.LONGEST - 1) + "\uD83D\uDE00";
        assertEquals("a".repeat(Names.LONGEST - 1), Names.clean(faces), "never half a character");
    }

    /**
     * {@link Names#clean} and {@link Names#fold} skip their patterns where the patterns could change nothing (no
     * {@code @}, no quotes, single spaces, ASCII only). Every combination of the characters those shortcuts look at
     * must give what running every pattern gives.
     */
    @Test
    void shortcutsGiveWhatEveryPatternGives() {
        String[] parts = {"Jeff", " ", "  ", "\t", "\n", "\u000b", "(CEO)", "(", ")", "\"", "'", "`", "<", ">", "@",
                "ECT", "/HOU", ".", "-", "x@y.com", "\u00e9", "E\u0301", "\u00a0", ",", "\u2003", "\u0130", "\uFB01"};
        List<String> inputs = new ArrayList<>();
        for (String a : parts) {
            for (String b : parts) {
                for (String c : parts) inputs.add(a + b + c);
            }
        }
        for (String s : inputs) {
            assertEquals(referenceClean(s), Names.clean(s), () -> "clean of [" + s + "]");
            assertEquals(referenceFold(s), Names.fold(s), () -> "fold of [" + s + "]");
            assertEquals(String.valueOf(referenceParse(s)), String.valueOf(Names.parse(s)), () -> "parse of [" + s + "]");
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;\"]+@[^\\s<>@,;\"]+\\.[^\\s<>@,;\"]+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}.-]+"), OUTER_DOTS = Pattern.compile("^[.-]+|[.-]+$");

    /** Names.clean as it was before the shortcuts: every pattern, every time. */
    private static String referenceClean(String raw) {
        String s = raw.strip();
        if (ADDRESS.matcher(s).matches()) return "";
        int slash = s.indexOf('/');
        if (slash > 0 && !s.contains(" <")) s = s.substring(0, slash);
        int at = s.indexOf('@');
        if (at > 0 && !ADDRESS.matcher(s).find()) s = s.substring(0, at);
        s = s.replaceAll("\\(.*?\\)", " ").replaceAll("[\"'`<>]", "").replaceAll("\\s+", " ").strip();
        return ADDRESS.matcher(s).find() ? "" : s;
    }

    private static String referenceFold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** The words Names.parse keeps, as it was before the shortcuts; compared through Names.parse's own result. */
    private static Names.Name referenceParse(String raw) {
        String s = referenceFold(referenceClean(raw));
        if (s.isEmpty()) return null;
        int comma = s.indexOf(',');
        if (comma > 0) s = s.substring(comma + 1) + " " + s.substring(0, comma);
        List<String> words = new ArrayList<>();
        for (String w : NOT_NAME.split(s)) {
            w = OUTER_DOTS.matcher(w).replaceAll("");
            if (w.isEmpty() || List.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "cpa", "mba").contains(w.replace(".", ""))) continue;
            if (w.chars().anyMatch(Character::isDigit)) return null;
            words.add(w);
        }
        // Team words (NOT_A_PERSON) never occur in the inputs above, so they need no copy here.
        if (words.size() < 2 || words.size() > 5) return null;
        String first = words.get(0).replace(".", ""), last = words.get(words.size() - 1).replace(".", "");
        if (first.length() < 2 || last.length() < 2) return null;
        StringBuilder middle = new StringBuilder();
        for (String w : words.subList(1, words.size() - 1)) middle.append(w.charAt(0));
        return new Names.Name(first, last, middle.toString());
    }
}
