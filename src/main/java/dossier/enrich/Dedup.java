package dossier.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys that make two inputs the same item: sha256 of the bytes, and for emails the Message-ID plus a hash of the
 * normalised body, so the same message filed in several folders (with different X-Folder headers) is one item.
 */
public final class Dedup {
    private Dedup() {}

    /** Hex sha256 of bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * The email key, or null when the message has no Message-ID (then only byte identity deduplicates). The body is
     * normalised by dropping all whitespace, so re-wrapping and CRLF/LF differences do not matter.
     */
    public static String emailKey(String messageId, String body) {
        if (messageId == null || messageId.isBlank()) return null;
        StringBuilder norm = new StringBuilder(body.length());
        body.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(norm::appendCodePoint);
        byte[] h = digest().digest(norm.toString().getBytes(StandardCharsets.UTF_8));
        return messageId.strip() + " " + HexFormat.of().formatHex(h, 0, 16);
    }

    /**
     * The content key: subject, normalised body and the UTC day of the date. Catches copies that mail stores gave new
     * Message-IDs, other sender forms (an assistant's name, an X.500 address) or a date shifted by hours when filing
     * them, as every Enron folder copy shows, which the Message-ID key cannot. Copies a day apart (a shift across
     * midnight) are found by looking up the neighbouring days too. Null when there is no date or no text,
     * where such a key would join unrelated messages.
     */
    public static String contentKey(java.time.Instant date, String subject, String body) {
        return contentKey(date, subject, body, 0);
    }

    /** The content key as if the email had been dated {@code dayShift} days later: lookups try the day before and after. */
    public static String contentKey(java.time.Instant date, String subject, String body, int dayShift) {
        if (date == null) return null;
        StringBuilder norm = new StringBuilder(body.length() + 100);
        body.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(norm::appendCodePoint);
        if (norm.length() < 20) return null;
        norm.append('\n').append(subject.strip()).append('\n').append(Math.floorDiv(date.toEpochMilli(), 86_400_000L) + dayShift);
        byte[] h = digest().digest(norm.toString().getBytes(StandardCharsets.UTF_8));
        return "content " + HexFormat.of().formatHex(h, 0, 16);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
