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

    /** The addresses of a header value, in order; empty for null or blank. */
    static List<Address> parse(String value) {
        if (value == null || value.isBlank()) return List.of();
        List<Address> out = new ArrayList<>();
        AddressList list;
        try {
            list = LenientAddressParser.DEFAULT.parseAddressList(value);
        } catch (RuntimeException e) {
            return List.of(new Address(EncodedWords.decode(value), ""));
        }
        for (Mailbox m : list.flatten()) {
            String name = m.getName() == null ? "" : EncodedWords.decode(m.getName()); // words mime4j left alone
            String addr = m.getAddress();
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
