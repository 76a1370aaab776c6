package dossier.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * A small, fast language guess: the writing system decides most languages (CJK, Cyrillic, Greek, Arabic, ...), and
 * counts of frequent function words decide among Latin-script ones. It reads at most the first 2,000 characters and
 * needs no model, so it costs microseconds per email. Returns "" when unsure. Immutable and thread-safe.
 */
final class Languages {
    private Languages() {}

    static final int SAMPLE = 2_000, MIN_LETTERS = 40;

    private static final String[] LATIN = {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs",
            "tr", "ro", "hu", "id"};
    private static final String[] WORDS = {
            "the of and to in is that for it with as was on are be this have not you at by from we will",
            "der die und das ist nicht zu den mit sich des auf für ein eine dem sie ich auch wir sind wird",
            "le la les et des est une pas que pour dans qui sur du au avec nous vous sont ce il cette",
            "el los las del que por una para con es se lo como más pero sus le muy está son este",
            "il di che non per una sono della con gli del le ma questo anche nel alla è mi ho",
            "o os que não uma para com do da dos das em é se mais mas por como ao está você",
            "de het een en van is dat niet op te zijn met voor ik je wij ook aan er hij",
            "och att det som en är på för av med den inte jag har till ett om vi kan",
            "og at det er en til på med af den ikke jeg har som for de vi kan fra",
            "og det er som en til på med av den ikke jeg har for at vi kan fra ble",
            "ja on ei se että hän oli ovat kun mutta tai myös niin jos minä tämä ole",
            "i w nie na że się jest do to z jak ale po co tak dla czy jestem są",
            "a je se na že v to s z do jsem jak ale pro by tak od jsou není",
            "ve bir bu da de için ile çok ne ben var değil olan gibi daha ama",
            "și în de la cu pe nu că este o un care să din mai sunt pentru",
            "a az és hogy nem egy is van meg csak de ez mint már volt ki",
            "yang dan di ini itu dengan untuk dari tidak ada akan saya ke dalam kami"};
    private static final Map<String, Integer> WORD_LANGS = new HashMap<>();

    static {
        for (int lang = 0; lang < WORDS.length; lang++) {
            for (String w : WORDS[lang].split(" ")) WORD_LANGS.merge(w, 1 << lang, (a, b) -> a | b);
        }
    }

    /** The ISO 639-1 code of the text's language, or "" when the text is too short or the guess is weak. */
    static String detect(String text) {
        if (text == null || text.isEmpty()) return "";
        int end = Math.min(text.length(), SAMPLE);
        int letters = 0, latin = 0, cyr = 0, han = 0, kana = 0, hangul = 0, greek = 0, arabic = 0, hebrew = 0,
                thai = 0, devanagari = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (c < 0x250) latin++;
            else if (c >= 0x400 && c < 0x530) cyr++;
            else if (c >= 0x370 && c < 0x400) greek++;
            else if (c >= 0x590 && c < 0x600) hebrew++;
            else if (c >= 0x600 && c < 0x700 || c >= 0xfb50 && c < 0xfe00) arabic++;
            else if (c >= 0x900 && c < 0x980) devanagari++;
            else if (c >= 0xe00 && c < 0xe80) thai++;
            else if (c >= 0x3040 && c < 0x3100) kana++;
            else if (c >= 0x4e00 && c < 0xa000 || c >= 0x3400 && c < 0x4dc0) han++;
            else if (c >= 0xac00 && c < 0xd7b0 || c >= 0x1100 && c < 0x1200) hangul++;
        }
        if (letters < MIN_LETTERS && han + kana + hangul < MIN_LETTERS / 2) return "";
        int cjk = han + kana + hangul;
        int[] counts = {latin, cyr, greek, hebrew, arabic, devanagari, thai, cjk};
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return switch (best) {
            case 1 -> cyrillic(text, end);
            case 2 -> "el";
            case 3 -> "he";
            case 4 -> containsAny(text, end, "پچژگ") ? "fa" : "ar";
            case 5 -> "hi";
            case 6 -> "th";
            case 7 -> hangul > han + kana ? "ko" : kana * 10 >= han ? "ja" : "zh";
            default -> latin(text, end);
        };
    }

    private static String cyrillic(String text, int end) {
        if (containsAny(text, end, "ђјљњћџЂЈЉЊЋЏ")) return "sr";
        if (containsAny(text, end, "іїєґІЇЄҐ")) return "uk";
        if (!containsAny(text, end, "ыэЫЭ") && containsAny(text, end, "ъ")) return "bg";
        return "ru";
    }

    private static String latin(String text, int end) {
        int[] score = new int[LATIN.length];
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (word.length() < 16) word.append(Character.toLowerCase(c));
                continue;
            }
            if (word.isEmpty()) continue;
            Integer langs = WORD_LANGS.get(word.toString());
            if (langs != null) for (int l = 0; l < LATIN.length; l++) if ((langs & (1 << l)) != 0) score[l]++;
            word.setLength(0);
        }
        int best = 0, second = -1;
        for (int l = 1; l < LATIN.length; l++) {
            if (score[l] > score[best]) {
                second = best;
                best = l;
            } else if (second < 0 || score[l] > score[second]) {
                second = l;
            }
        }
        // Needs a few hits and a lead, else the text is a list, a table or code and any guess would mislead.
        if (score[best] < 3 || second >= 0 && score[best] * 4 < score[second] * 5) return "";
        return LATIN[best];
    }

    private static boolean containsAny(String text, int end, String chars) {
        for (int i = 0; i < end; i++) if (chars.indexOf(text.charAt(i)) >= 0) return true;
        return false;
    }
}
