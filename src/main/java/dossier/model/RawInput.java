package dossier.model;

import java.util.Objects;

/**
 * The bytes of one thing the sources found, before parsing: a file, an mbox message, a zip entry.
 *
 * @param source  display path plus locator, e.g. {@code sony/lists/dev.mbox#1734} or {@code docs.zip#q3/plan.xlsx}
 * @param name    the file name to show and detect types by (the last path or entry segment; for mbox messages empty)
 * @param hint    {@link Hint#EMAIL} when the container says it is a message (mbox, maildir, .eml);
 *                {@link Hint#UNREAD} when its bytes are kept but cannot be read: an encrypted entry, or a container
 *                (zip, gzip, …) that would not open;
 *                {@link Hint#ATTACHMENT} for a file of an email read on its own (a scan, by the OCR queue);
 *                else {@link Hint#FILE}
 * @param bytes   the original bytes, exactly as stored in the dump (mbox messages already unquoted)
 */
public record RawInput(String source, String name, Hint hint, byte[] bytes) {
    public RawInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        name = name == null ? "" : name;
        hint = hint == null ? Hint.FILE : hint;
    }

    /**
     * What the container says the bytes are. An {@code ATTACHMENT} is never taken for mail by its name: only its
     * email's MIME structure makes a part a message, so a scan attached as {@code scan.eml} is still a scan.
     */
    public enum Hint { EMAIL, FILE, UNREAD, ATTACHMENT }
}
