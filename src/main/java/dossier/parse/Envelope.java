package dossier.parse;

import dossier.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the envelope fields of a message header: addresses, message ids and the date. Stateless and thread-safe. */
final class Envelope {
    private Envelope() {}

    private static final Pattern ANGLED = Pattern.compile("<([^<>\\s]*)>");

    /** From, with the Lotus Notes X-From name when From has none. */
    static List<Address> from(Headers h) {
        return Addresses.withNotesName(Addresses.parse(h.get("From")), h.get("X-From"));
    }

    /** Every address of every occurrence of the header (some mailers repeat To or Cc). */
    static List<Address> addresses(Headers h, String name) {
        List<Address> out = new ArrayList<>();
        for (String v : h.all(name)) out.addAll(Addresses.parse(v));
        return out;
    }

    /** A message id without angle brackets; the first bracketed id when the value holds more text. */
    static String id(String value) {
        if (value == null) return "";
        Matcher m = ANGLED.matcher(value);
        if (m.find() && !m.group(1).isEmpty()) return m.group(1);
        String v = value.strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    /** The ids of a References header in order, without brackets. */
    static List<String> ids(String value) {
        if (value == null || value.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        Matcher m = ANGLED.matcher(value);
        while (m.find()) if (!m.group(1).isEmpty()) out.add(m.group(1));
        if (out.isEmpty()) for (String s : value.strip().split("[\\s,]+")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    /** The Date header, else the date the first Received header was stamped with; null when neither reads. */
    static Dates.Stamp date(Headers h) {
        Dates.Stamp d = Dates.parse(h.get("Date"));
        if (d != null) return d;
        for (String received : h.all("Received")) {
            int semi = received.lastIndexOf(';');
            if (semi >= 0 && (d = Dates.parse(received.substring(semi + 1))) != null) return d;
        }
        return null;
    }
}
