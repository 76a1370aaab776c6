package dossier.model;

import java.util.Locale;

/**
 * A mailbox as written in a header: display name (may be empty) and address (may be empty for Lotus Notes names).
 *
 * <p>Comparable (by address, then name) so that hash maps keyed by addresses stay fast when a hostile dump makes their
 * hashes collide: a record's hash combines its strings' hashes, which are easy to make equal ({@code "b?"} and
 * {@code "a^"} hash alike), and a map keeps a bin of colliding keys as a tree only when it can order them.
 */
public record Address(String name, String address) implements Comparable<Address> {
    /**
     * Never holds a control character. An address with one (hostile mail: {@code a\0b@example.com}) is no address: no
     * mail server would take it, and as a link it breaks ({@code /people/a%00b@example.com} is refused by Jetty).
     * Dropping the character would file the mail under another mailbox ({@code ab@example.com}), so the text is kept
     * as part of the name instead, as with other text that is not an address. In a name, a control character is
     * shown as U+FFFD (a tab or line break as a space), so pages never carry a raw NUL.
     */
    public Address {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        if (hasControl(address)) {
            name = name.isBlank() ? address : name + " " + address;
            address = "";
        }
        name = visible(name).strip();
        address = address.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isISOControl(s.charAt(i))) return true;
        return false;
    }

    private static String visible(String s) {
        if (!hasControl(s)) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(!Character.isISOControl(c) ? c : c >= '\t' && c <= '\r' ? ' ' : '\uFFFD');
        }
        return b.toString();
    }

    @Override
    public int compareTo(Address o) {
        int c = address.compareTo(o.address);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** "Name <addr>", or whichever part exists. */
    public String display() {
        if (name.isEmpty()) return address;
        if (address.isEmpty()) return name;
        return name + " <" + address + ">";
    }

    /** The part after the @, or empty. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
