package dossier.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates and sizes as pages show them; dates in UTC to the minute, the same for every reader wherever they are. */
final class Display {
    private Display() {}

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static String date(Instant t) {
        return t == null ? "" : SHOW.format(t);
    }

    /** An ISO instant from a summary ({@code 2001-05-14T16:39:00Z}); empty when absent or unreadable. */
    static String date(String iso) {
        if (iso == null || iso.isBlank()) return "";
        try {
            return date(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A count with thousands separators: 12,345. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1073741824.0);
    }
}
