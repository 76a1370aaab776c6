package dossier.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that mail really carries: RFC 5322 and its common breakages (missing seconds, named zones such as
 * PST, two-digit years, comments like "(PDT)", asctime order, ISO 8601, "GMT+0100"). Stateless and thread-safe.
 */
final class Dates {
    private Dates() {}

    /** A parsed date: the instant in UTC and the zone offset as written, e.g. {@code -0700}, or empty if none was. */
    record Stamp(Instant instant, String zone) {}

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("wet", 0),
            Map.entry("bst", 60), Map.entry("cet", 60), Map.entry("met", 60), Map.entry("mez", 60),
            Map.entry("cest", 120), Map.entry("mest", 120), Map.entry("mesz", 120), Map.entry("eet", 120),
            Map.entry("eest", 180), Map.entry("msk", 180), Map.entry("ist", 330), Map.entry("hkt", 480),
            Map.entry("sgt", 480), Map.entry("jst", 540), Map.entry("kst", 540), Map.entry("aest", 600),
            Map.entry("nzst", 720), Map.entry("ast", -240), Map.entry("adt", -180), Map.entry("edt", -240),
            Map.entry("est", -300), Map.entry("cdt", -300), Map.entry("cst", -360), Map.entry("mdt", -360),
            Map.entry("mst", -420), Map.entry("pdt", -420), Map.entry("pst", -480), Map.entry("akst", -540),
            Map.entry("akdt", -480), Map.entry("hst", -600));
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{1,2})(?:[:.](\\d{1,2}))?(?:[.,]\\d+)?(.*)");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:gmt|utc|ut)?([+-])(\\d{1,2}):?(\\d{2})?");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:t(.*))?");
    private static final Pattern DASHED_DAY = Pattern.compile("(\\d{1,2})-([a-z]{3,})-(\\d{2,4})");

    /**
     * The longest date value read, in characters; the rest is ignored. A date with its comment is some 40: a fuzzed
     * one of 100,000 (a day, then NULs) held a parse thread for minutes.
     */
    static final int LONGEST = 256;

    /**
     * Mail is dated from 1970 on (a clock at zero, less its zone, gives 31 December 1969) and before 2100. A date
     * outside is a placeholder or a broken clock ("31 Dec 9999", "1 Jan 1900"): the email counts as undated, its raw
     * Date header kept, rather than stretch every timeline over millennia or sort before every real email.
     */
    static final Instant EARLIEST = Instant.parse("1969-12-31T00:00:00Z"), LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Parses a date header value; null when no date can be read from it, or it is outside {@link #EARLIEST} to
     * {@link #LATEST}.
     */
    static Stamp parse(String value) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > LONGEST) value = value.substring(0, LONGEST);
        Fields f = new Fields();
        String cleaned = value.toLowerCase(Locale.ROOT).replace('(', ' ').replace(')', ' ').replace(',', ' ');
        for (String token : SPACES.split(cleaned.trim())) f.take(token);
        return f.build();
    }

    /** The date fields seen so far, filled token by token in whatever order the writer used. */
    private static final class Fields {
        int year = -1, month = -1, day = -1, hour = -1, minute = 0, second = 0;
        Integer zoneMinutes;
        boolean zoneNumeric;

        void take(String t) {
            if (t.isEmpty()) return;
            Matcher m;
            if ((m = ISO_DAY.matcher(t)).matches()) {
                year = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(2));
                day = Integer.parseInt(m.group(3));
                if (m.group(4) != null) take(m.group(4));
            } else if ((m = DASHED_DAY.matcher(t)).matches()) {
                take(m.group(1));
                take(m.group(2));
                take(m.group(3));
            } else if (hour < 0 && (m = TIME.matcher(t)).matches()) {
                hour = Integer.parseInt(m.group(1));
                minute = Integer.parseInt(m.group(2));
                second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                if (!m.group(4).isEmpty()) take(m.group(4)); // "07:05:00-0700" or "07:05:00Z"
            } else if ((m = NUMERIC_ZONE.matcher(t)).matches() && (hour >= 0 || t.length() >= 5)) {
                int h = Integer.parseInt(m.group(2));
                int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                if (h > 14 || min > 59) return;
                if (!zoneNumeric) zoneMinutes = (m.group(1).equals("-") ? -1 : 1) * (h * 60 + min);
                zoneNumeric = true;
            } else if (Character.isDigit(t.charAt(0))) {
                number(t);
            } else {
                word(t);
            }
        }

        private void number(String t) {
            int end = t.length();
            while (end > 0 && (t.charAt(end - 1) < '0' || t.charAt(end - 1) > '9')) end--; // "13th", "2000."
            String digits = t.substring(0, end);
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 4) return;
            int n = Integer.parseInt(digits);
            if (digits.length() >= 3) year = n;
            else if (day < 0 && n >= 1 && n <= 31) day = n;
            else if (year < 0) year = n;
        }

        private void word(String t) {
            if (t.length() >= 3) {
                String p = t.substring(0, 3);
                for (int i = 0; i < MONTHS.length; i++) {
                    if (MONTHS[i].equals(p) && month < 0 && !ZONES.containsKey(t)) {
                        month = i + 1;
                        return;
                    }
                }
            }
            Integer z = ZONES.get(t.replace(".", ""));
            if (z != null && zoneMinutes == null) zoneMinutes = z;
            else if (t.length() == 1 && zoneMinutes == null && Character.isLetter(t.charAt(0))) zoneMinutes = 0;
        }

        Stamp build() {
            if (year < 0 || month < 0 || day < 0) return null;
            // RFC 5322's obsolete years: below 50 are 20xx, other two or three digits 1900 plus them. A four-digit
            // year below 1000 is read the same way: Enron's mail client wrote 2001 as "0001" (skilling-j/inbox/748.),
            // so "Mon, 30 May 0001" is 2001, as its folder and neighbours say.
            int y = year < 50 ? 2000 + year : year < 1000 ? 1900 + year : year;
            try {
                LocalDateTime local = LocalDateTime.of(y, month, day, Math.max(hour, 0), minute, Math.min(second, 59));
                int z = zoneMinutes == null ? 0 : zoneMinutes;
                Instant instant = local.toInstant(ZoneOffset.ofTotalSeconds(z * 60));
                if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) return null;
                return new Stamp(instant, zoneMinutes == null ? "" : offset(z));
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** "-0700" style. */
    static String offset(int minutes) {
        int a = Math.abs(minutes);
        return String.format(Locale.ROOT, "%s%02d%02d", minutes < 0 ? "-" : "+", a / 60, a % 60);
    }
}
