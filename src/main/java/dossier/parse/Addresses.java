package dossier.parse;

import dossier.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Reads address headers with mime4j's lenient parser. Whatever is not a real address (Lotus Notes names such as
 * "Kenneth Lay@ENRON", stray text) is kept as a name with no address, never dropped. Thread-safe.
 */
final class Addresses {
    private Addresses() {}

    private static final Pattern MAILBOX = Pattern.compile("[^\\s<>@,;\"]+@[^\\s<>@,;\"]+");
    private static final Pattern ANGLED = Pattern.compile("<([^\\s<>@]+@[^\\s<>@]+)>");

    /**
     * What stands for {@code =?} while mime4j reads a header: the equals sign and the ASCII control SUB. mime4j would
     * decode the encoded words of names itself, looking up each word's charset by name, and the JDK does not cache a
     * name it does not know (see {@link Charsets#lookup}): 20,000 words in made-up charsets took 32 s. So mime4j sees
     * no encoded word, and {@link EncodedWords} decodes the names afterwards, as it did the words mime4j left alone.
     */
    private static final String MASK = "=\u001A";
    /**
     * What stands for a character past ASCII while mime4j reads a header: the ASCII control ESC and the character's
     * four hex digits. mime4j counts a header's characters as bytes in places: from the second character past ASCII
     * in a name on, each cut the address after it short ({@code 中文 <a@b.cde>} gave {@code a@b.}), so every raw
     * UTF-8 or Latin-1 name lost its address's last letters.
     */
    private static final char ESCAPE = '\u001B';

    /** The addresses of a header value, in order; empty for null or blank. */
    static List<Address> parse(String value) {
        if (value == null || value.isBlank()) return List.of();
        List<Address> out = new ArrayList<>();
        // SUB and ESC have no meaning in a header: one the value holds itself (never seen but in hostile mail) is read
        // as a space, so that the masks stand for nothing else.
        if (value.indexOf('\u001A') >= 0 || value.indexOf(ESCAPE) >= 0) value = value.replace('\u001A', ' ').replace(ESCAPE, ' ');
        boolean masked = needsMask(value);
        AddressList list;
        try {
            list = LenientAddressParser.DEFAULT.parseAddressList(masked ? mask(value) : value);
        } catch (RuntimeException e) {
            return List.of(new Address(EncodedWords.decode(value), ""));
        }
        for (Mailbox m : list.flatten()) {
            String name = m.getName() == null ? "" : EncodedWords.decode(masked ? unmask(m.getName()) : m.getName());
            String addr = masked ? unmask(m.getAddress()) : m.getAddress();
            if (MAILBOX.matcher(addr).matches()) {
                out.add(new Address(name, addr));
                continue;
            }
            var angled = ANGLED.matcher(addr);
            if (angled.find()) {
                String before = addr.substring(0, angled.start()).replace("\"", "").strip();
                out.add(new Address(name.isEmpty() ? EncodedWords.decode(before) : name, angled.group(1)));
            } else {
                out.add(new Address(name.isEmpty() ? EncodedWords.decode(addr) : name + " " + addr, ""));
            }
        }
        if (out.isEmpty() && !value.strip().endsWith(";")) out.add(new Address(EncodedWords.decode(value), ""));
        return out;
    }

    private static boolean needsMask(String value) {
        if (value.contains("=?")) return true;
        for (int i = 0; i < value.length(); i++) if (value.charAt(i) >= 0x80) return true;
        return false;
    }

    /** The value with {@code =?} as {@link #MASK} and each character past ASCII as {@link #ESCAPE} and four hex digits. */
    static String mask(String value) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' && i + 1 < value.length() && value.charAt(i + 1) == '?') {
                b.append(MASK);
                i++;
            } else if (c >= 0x80) {
                b.append(ESCAPE).append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** What {@link #mask} gave back to the value; an escape cut short by mime4j is dropped. */
    static String unmask(String s) {
        if (s.indexOf(ESCAPE) < 0 && s.indexOf('\u001A') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ESCAPE) {
                int code = i + 4 < s.length() ? hex(s, i + 1) : -1;
                if (code >= 0) b.append((char) code);
                i += 4;
            } else if (c == '\u001A' && b.length() > 0 && b.charAt(b.length() - 1) == '=') {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The four hex digits at {@code from} as a number, or -1. */
    private static int hex(String s, int from) {
        int v = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) return -1;
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * Gives From a display name from Lotus Notes' X-From when From has an address but no name (Enron). X-From may be
     * "Sherri Sera" or "Sherri Sera <sherri.sera@enron.com>"; only its name part is used.
     */
    static List<Address> withNotesName(List<Address> from, String xFrom) {
        if (from.size() != 1 || xFrom == null || xFrom.isBlank()) return from;
        Address a = from.get(0);
        if (!a.name().isEmpty() || a.address().isEmpty()) return from;
        String name = EncodedWords.decode(xFrom);
        int lt = name.indexOf('<');
        if (lt > 0) name = name.substring(0, lt);
        name = name.replace("\"", "").strip();
        if (name.isEmpty() || MAILBOX.matcher(name).matches()) return from;
        return List.of(new Address(name, a.address()));
    }
}
