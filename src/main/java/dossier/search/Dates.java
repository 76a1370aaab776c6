package dossier.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the periods of {@code date: after: before:}: a year {@code 2014}, a month {@code 2014-01} or a day
 * {@code 2014-01-15} (slashes also accepted, as in Gmail), all in UTC. Thread-safe (stateless).
 */
final class Dates {
    private Dates() {}

    /** Milliseconds since the epoch: the first instant of the period, and the first instant after it. */
    record Period(long start, long end) {}

    static final String EXPECTED = "expected YYYY, YYYY-MM or YYYY-MM-DD";

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?)?");

    /** The period the text denotes, or null if it is not a valid date. */
    static Period period(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) return null;
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                LocalDate first = LocalDate.of(year, 1, 1);
                return of(first, first.plusYears(1));
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDate first = LocalDate.of(year, month, 1);
                return of(first, first.plusMonths(1));
            }
            LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            return of(day, day.plusDays(1));
        } catch (DateTimeException e) {
            return null; // month 13, February 30th and the like
        }
    }

    private static Period of(LocalDate first, LocalDate next) {
        return new Period(millis(first), millis(next));
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
