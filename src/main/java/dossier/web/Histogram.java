package dossier.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results-over-time chart as plain geometry for a server-side SVG: one bar per month (per year when the period
 * is long), gaps filled with empty bars, each bar linking to a search narrowed to its period. Pure; drawn by
 * {@code search.jte} with presentation attributes only, so it needs neither script nor inline style.
 */
public record Histogram(List<Bar> bars, String first, String last, long max) {
    /** Drawing width and height in SVG user units; CSS scales the SVG to the page. */
    public static final int WIDTH = 800, HEIGHT = 120;
    private static final int MAX_MONTH_BARS = 180;

    /** One bar: position and size in user units, its label, its count and the URL it links to. */
    public record Bar(double x, double y, double width, double height, String label, long count, String href) {
        public String title() {
            return label + ": " + String.format(Locale.ROOT, "%,d", count);
        }
    }

    /** The chart for a monthly histogram ({@code "2001-05" → n}); empty when no hit has a date. */
    public static Histogram of(Map<String, Long> months, String query, dossier.search.SearchRequest.Order sort) {
        return of(months, filter -> Urls.search(Facets.narrow(query, filter), sort, 1));
    }

    /**
     * The chart with each bar linking where {@code link} says for the bar's period filter ({@code date:2001-05}); a
     * null link leaves the bar unlinked.
     */
    public static Histogram of(Map<String, Long> months, java.util.function.Function<String, String> link) {
        TreeMap<String, Long> sorted = new TreeMap<>();
        // Only four-digit years: a date in year 20001 is a parse accident, not a period to draw.
        months.forEach((m, n) -> { if (m.matches("\\d{4}-\\d{2}")) sorted.put(m, n); });
        if (sorted.isEmpty()) return new Histogram(List.of(), null, null, 0);
        TreeMap<String, Long> byPeriod = new TreeMap<>();
        YearMonth first = YearMonth.parse(sorted.firstKey());
        YearMonth last = YearMonth.parse(sorted.lastKey());
        boolean yearly = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1 > MAX_MONTH_BARS;
        if (yearly) {
            for (int y = first.getYear(); y <= last.getYear(); y++) byPeriod.put(Integer.toString(y), 0L);
            sorted.forEach((m, n) -> byPeriod.merge(m.substring(0, 4), n, Long::sum));
        } else {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) byPeriod.put(m.toString(), 0L);
            sorted.forEach((m, n) -> byPeriod.merge(m, n, Long::sum));
        }
        long max = byPeriod.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double w = (double) WIDTH / byPeriod.size();
        List<Bar> bars = new ArrayList<>(byPeriod.size());
        int i = 0;
        for (var e : byPeriod.entrySet()) {
            double h = e.getValue() == 0 ? 0 : Math.max(2, (HEIGHT - 4) * (double) e.getValue() / max);
            String filter = yearly ? Facets.filter("year", e.getKey()) : Facets.month(e.getKey());
            bars.add(new Bar(round(i * w), round(HEIGHT - h), round(Math.max(w - (w > 3 ? 1 : 0), 0.5)), round(h),
                    e.getKey(), e.getValue(), link.apply(filter)));
            i++;
        }
        return new Histogram(bars, byPeriod.firstKey(), byPeriod.lastKey(), max);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** The chart's text alternative. */
    public String description() {
        return "Results over time, " + first + " to " + last + "; the highest bar is " + String.format(Locale.ROOT, "%,d", max) + ".";
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
