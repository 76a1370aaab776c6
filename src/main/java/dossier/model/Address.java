package dossier.model;

import java.util.Locale;

/** A mailbox as written in a header: display name (may be empty) and address (may be empty for Lotus Notes names). */
public record Address(String name, String address) {
    public Address {
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
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
