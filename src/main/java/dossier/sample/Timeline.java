package dossier.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Spreads messages over the period of the dump, in order, with the rhythm of an office: busy weekdays, quiet
 * weekends and holidays, most mail between nine and seven Pacific. Pure arithmetic on the seed: no clock.
 */
final class Timeline {
    static final LocalDate FIRST_DAY = LocalDate.of(2013, 1, 2);
    static final LocalDate LAST_DAY = LocalDate.of(2014, 11, 21);

    private final double[] cumulative;
    private final int total;

    /** @param total how many messages will be placed. */
    Timeline(int total) {
        this.total = Math.max(1, total);
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        cumulative = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += weight(FIRST_DAY.plusDays(d));
            cumulative[d] = sum;
        }
    }

    /** The time of message {@code index} of {@code total}: days never go backwards, hours vary within a day. */
    Instant at(int index, SplittableRandom random) {
        double x = (index + random.nextDouble()) / total * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) lo = mid + 1; else hi = mid;
        }
        LocalDate day = FIRST_DAY.plusDays(lo);
        int minute = minuteOfDay(random);
        // Pacific office hours are 8 hours behind UTC in winter and 7 in summer; 8 is near enough for a rhythm.
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(minute + 8 * 60, ChronoUnit.MINUTES)
                .plusSeconds(random.nextInt(60));
    }

    private static int minuteOfDay(SplittableRandom random) {
        int x = random.nextInt(100);
        if (x < 80) return 9 * 60 + random.nextInt(10 * 60);   // 9:00 to 19:00
        if (x < 92) return 19 * 60 + random.nextInt(4 * 60);   // evening
        if (x < 97) return 6 * 60 + random.nextInt(3 * 60);    // early morning
        return random.nextInt(6 * 60);                         // the small hours
    }

    private static double weight(LocalDate day) {
        if (isHoliday(day)) return 0.1;
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> 0.15;
            case FRIDAY -> 0.85;
            default -> 1.0;
        };
    }

    private static boolean isHoliday(LocalDate day) {
        int m = day.getMonthValue(), d = day.getDayOfMonth();
        return (m == 1 && d == 1) || (m == 7 && d == 4) || (m == 12 && d >= 24) || (m == 11 && d >= 27 && d <= 29);
    }
}
