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
     * What stands for {@code =?} while mime4j reads a header: the equals sign and the ASCII control SUB. (A character
     * past ASCII in its place cut the address after it short: mime4j counts a header in bytes and in chars.) mime4j
     * would decode the encoded words of names itself, looking up each word's charset by name, and the JDK does not
     * cache a name it does not know (see {@link Charsets#lookup}): 20,000 words in made-up charsets took 32 s. So
     * mime4j sees no encoded word, and {@link EncodedWords} decodes the names afterwards, as it did the words mime4j
     * left alone.
     */
    private static final String MASK = "=\u001A";

    /** The addresses of a header value, in order; empty for null or blank. */
    static List<Address> parse(String value) {
        if (value == null || value.isBlank()) return List.of();
        List<Address> out = new ArrayList<>();
        // A value that holds SUB itself (never seen) is read unmasked, as before.
        boolean masked = value.indexOf('\u001A') < 0 && value.contains("=?");
        AddressList list;
        try {
            list = LenientAddressParser.DEFAULT.parseAddressList(masked ? value.replace("=?", MASK) : value);
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

    private static String unmask(String s) {
        return s.replace(MASK, "=?");
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
