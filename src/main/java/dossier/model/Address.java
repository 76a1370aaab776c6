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
    public Address {
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
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
