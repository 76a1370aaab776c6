package dossier.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads display names and addresses the way people write them in mail: {@code "Skilling, Jeff"}, {@code Jeff
 * Skilling}, {@code Jeffrey K Skilling}, Lotus Notes {@code Jeff Skilling/HOU/ECT@ECT} and {@code Kenneth Lay@ENRON},
 * quoted, upper case or accented. Stateless and thread-safe.
 */
public final class Names {
    private Names() {}

    /**
     * A person's name reduced to what identifies them: first and last word, lower-case and accent-folded, and the
     * initials in between. {@code "Skilling, Jeff"} and {@code "JEFF SKILLING"} both give {@code jeff skilling}.
     */
    public record Name(String first, String last, String middle) {
        /** "first last": the key two names must share to be the same person's. */
        public String key() {
            return first + " " + last;
        }

        /** True when the first names are the same or one shortens the other (Jeff, Jeffrey), with the same last name. */
        public boolean compatible(Name o) {
            if (!last.equals(o.last)) return false;
            if (!middle.isEmpty() && !o.middle.isEmpty() && middle.charAt(0) != o.middle.charAt(0)) return false;
            if (first.equals(o.first)) return true;
            String s = first.length() < o.first.length() ? first : o.first, l = s == first ? o.first : first;
            return s.length() >= 3 && l.startsWith(s);
        }
    }

    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "cpa", "mba");
    /** Words that mark a team, list or system rather than a person. */
    private static final Set<String> NOT_A_PERSON = Set.of("team", "announcement", "announcements", "department",
            "office", "group", "list", "service", "services", "support", "desk", "admin", "administrator", "mailer",
            "daemon", "postmaster", "noreply", "newsletter", "news", "committee", "all", "everyone", "staff", "center",
            "customer", "undisclosed", "recipients", "enron", "corp", "inc", "llc", "ltd", "company", "system", "the");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;\"]+@[^\\s<>@,;\"]+\\.[^\\s<>@,;\"]+");
    private static final Pattern LOCAL_PARTS = Pattern.compile("[._\\-+]+");
    // Compiled once: names are cleaned for every address of every email.
    private static final Pattern PARENTHESES = Pattern.compile("\\(.*?\\)"), QUOTES = Pattern.compile("[\"'`<>]"),
            SPACES = Pattern.compile("\\s+"), NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}.-]+"),
            OUTER_DOTS = Pattern.compile("^[.-]+|[.-]+$");

    /**
     * The longest name read, in characters: a display name is a few words. Past this a header's name is cut before any
     * pattern reads it: {@link #ADDRESS} searched a 100 KB name of a hostile message for minutes (it tries every start,
     * each up to the end), and the connections pass at the end of the ingest stood still.
     */
    public static final int LONGEST = 300;

    /**
     * The name cleaned for display: cut to {@value #LONGEST} characters, Lotus Notes routing cut off, quotes and
     * repeated spaces dropped.
     */
    public static String clean(String raw) {
        if (raw == null) return "";
        String s = raw.strip();
        if (s.length() > LONGEST) {
            s = s.substring(0, Character.isHighSurrogate(s.charAt(LONGEST - 1)) ? LONGEST - 1 : LONGEST);
        }
        // The patterns are only run where they can change something: the connections pass cleans every distinct
        // name several times, and most are plain "First Last" (a third of the pass's time at 490,000 people).
        boolean hasAt = s.indexOf('@') >= 0;
        if (hasAt && ADDRESS.matcher(s).matches()) return "";
        int slash = s.indexOf('/');
        if (slash > 0 && !s.contains(" <")) s = s.substring(0, slash);   // Jeff Skilling/HOU/ECT@ECT
        int at = s.indexOf('@');
        if (at > 0 && !ADDRESS.matcher(s).find()) s = s.substring(0, at); // Kenneth Lay@ENRON
        if (s.indexOf('(') >= 0) s = PARENTHESES.matcher(s).replaceAll(" ");
        if (hasAny(s, "\"'`<>")) s = QUOTES.matcher(s).replaceAll("");
        if (hasAny(s, "\t\n\u000b\f\r") || s.contains("  ")) s = SPACES.matcher(s).replaceAll(" ");
        s = s.strip();
        return hasAt && ADDRESS.matcher(s).find() ? "" : s;
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    /** The identifying part of a name, or null when it is not a person's name (one word, a team, digits, an address). */
    public static Name parse(String raw) {
        String s = fold(clean(raw));
        if (s.isEmpty()) return null;
        int comma = s.indexOf(',');
        if (comma > 0) s = s.substring(comma + 1) + " " + s.substring(0, comma); // "Skilling, Jeff"
        List<String> words = new ArrayList<>();
        for (String w : NOT_NAME.split(s)) {
            if (!w.isEmpty() && (".-".indexOf(w.charAt(0)) >= 0 || ".-".indexOf(w.charAt(w.length() - 1)) >= 0)) {
                w = OUTER_DOTS.matcher(w).replaceAll("");
            }
            if (w.isEmpty() || SUFFIXES.contains(w.replace(".", ""))) continue;
            if (NOT_A_PERSON.contains(w) || w.chars().anyMatch(Character::isDigit)) return null;
            words.add(w);
        }
        if (words.size() < 2 || words.size() > 5) return null;
        String first = words.get(0).replace(".", ""), last = words.get(words.size() - 1).replace(".", "");
        if (first.length() < 2 || last.length() < 2) return null;
        StringBuilder middle = new StringBuilder();
        for (String w : words.subList(1, words.size() - 1)) middle.append(w.charAt(0));
        return new Name(first, last, middle.toString());
    }

    /**
     * True when an address's local part spells the name: {@code jeff.skilling}, {@code jskilling}, {@code
     * jeffrey.k.skilling}, {@code skilling.jeff}, {@code jeff_skilling}, {@code jeffskilling}, {@code j.skilling}.
     */
    public static boolean localPartMatches(String address, Name n) {
        if (address == null || n == null) return false;
        int at = address.indexOf('@');
        String local = fold(at < 0 ? address : address.substring(0, at));
        String[] parts = LOCAL_PARTS.split(local);
        String joined = String.join("", parts);
        String f = n.first(), l = n.last();
        if (!joined.contains(l)) return truncated(parts, joined, f, l);
        if (parts.length >= 2) {
            String p0 = parts[0], pl = parts[parts.length - 1];
            if (pl.equals(l) && firstMatches(p0, f)) return true;
            if (p0.equals(l) && firstMatches(pl, f)) return true;
        }
        for (String name : List.of(f, f.substring(0, 1))) {
            if (joined.equals(name + l) || joined.equals(l + name)
                    || (!n.middle().isEmpty() && joined.equals(name + n.middle().charAt(0) + l))) return true;
        }
        return false;
    }

    /** Old mail systems cut local parts to seven or eight characters: jskilli, jskillin for Jeff Skilling. */
    private static boolean truncated(String[] parts, String joined, String f, String l) {
        return parts.length == 1 && joined.length() >= 7 && joined.length() <= 8 && joined.charAt(0) == f.charAt(0)
                && l.length() > joined.length() - 1 && l.startsWith(joined.substring(1));
    }

    private static boolean firstMatches(String part, String first) {
        return part.equals(first) || (part.length() == 1 && first.startsWith(part))
                || (part.length() >= 3 && (first.startsWith(part) || part.startsWith(first)));
    }

    /** Lower-case, accents removed. */
    public static String fold(String s) {
        if (isAscii(s)) return s.toLowerCase(Locale.ROOT); // NFKD leaves ASCII as it is, and it has no marks
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The display form: {@code "Skilling, Jeff"} becomes {@code Jeff Skilling}; other names are only cleaned. */
    public static String display(String raw) {
        String s = clean(raw);
        int comma = s.indexOf(',');
        if (comma > 0 && s.indexOf(',', comma + 1) < 0) {
            String after = s.substring(comma + 1).strip(), before = s.substring(0, comma).strip();
            if (!after.isEmpty() && !before.isEmpty() && !SUFFIXES.contains(fold(after).replace(".", ""))) {
                s = after + " " + before;
            }
        }
        return s;
    }
}
