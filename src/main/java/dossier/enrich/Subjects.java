package dossier.enrich;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises subjects for threading emails that lack In-Reply-To and References: strips reply and forward prefixes
 * in several languages ({@code Re: Fw: Fwd: AW: WG: TR: SV: VS: RE[2]:}), mailing-list tags ({@code [dev]}),
 * punctuation runs, whitespace and case. {@code "RE: [ops] FW:  Q3   Budget"} and {@code "q3 budget"} give the same
 * key. Stateless and thread-safe.
 */
public final class Subjects {
    private Subjects() {}

    /** One leading prefix or list tag: "re:", "re[2]:", "fwd :", "[list]", "(fwd)". */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|r|fw|fwd|aw|wg|tr|sv|vs|antw|rif|ref|odp|réf)\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:：]|\\[[^\\]]{0,60}]|\\((?:fwd|fw)\\))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The normalised key of a subject; empty when nothing is left (then the subject never groups emails). */
    public static String key(String subject) {
        return strip(subject).key();
    }

    /** True when the subject says it answers or forwards another email ("Re:", "Fw:", ...). */
    public static boolean isReply(String subject) {
        return strip(subject).reply();
    }

    /** A subject's key and whether it says it is a reply, from one reading. */
    record Stripped(String key, boolean reply) {}

    static Stripped strip(String subject) {
        if (subject == null) return new Stripped("", false);
        String s = Normalizer.normalize(subject, Normalizer.Form.NFKC);
        boolean reply = false;
        for (int guard = 0; guard < 50; guard++) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) break;
            if (!m.group().strip().startsWith("[")) reply = true;
            s = s.substring(m.end());
        }
        String key = s.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}\\p{IsPunctuation}]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return new Stripped(key, reply);
    }

    /** Three words or more and fifteen letters or more: unlikely to be two conversations at once. */
    static boolean specific(String key) {
        return key.length() >= 15 && key.split(" ").length >= 3;
    }
}
