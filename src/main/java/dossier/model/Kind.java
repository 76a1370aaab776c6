package dossier.model;

import java.util.Locale;

/** What an item is: an email, a file inside an email, or a file that stands on its own. */
public enum Kind {
    EMAIL, ATTACHMENT, DOCUMENT;

    /** The lower-case name used in queries, JSON and the manifest. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a label back; returns null for anything else. */
    public static Kind parse(String label) {
        for (Kind k : values()) if (k.label().equalsIgnoreCase(label)) return k;
        return null;
    }
}
