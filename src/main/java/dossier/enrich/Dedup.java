package dossier.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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
     * A body as deduplication sees it: the hash of its characters with all whitespace dropped, so re-wrapping and
     * CRLF/LF differences do not matter, and how many such characters there are.
     */
    public record Body(String hash, int visibleChars) {}

    /**
     * Hashes a body, once for every key that needs it, and what is attached to it, given as the sha256 of each attachment in order: two copies of a message
     * with one Message-ID and one text but different attachments are two items, or the second one's attachments would be
     * in no item at all. A body without attachments hashes as its text alone, as it always has, so archives made before
     * attachments counted keep their keys for such emails; one with attachments made then is not found again by key, and
     * an ingest into that archive keeps a second copy of it rather than losing anything.
     */
    public static Body body(String text, List<String> attached) {
        MessageDigest md = digest();
        byte[] buf = new byte[8192];
        int n = 0, visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            visible++;
            if (n > buf.length - 3) {
                md.update(buf, 0, n);
                n = 0;
            }
            // UTF-16 code units written as two bytes: the same text always gives the same bytes, which is all a key needs.
            buf[n++] = (byte) (c >> 8);
            buf[n++] = (byte) c;
        }
        md.update(buf, 0, n);
        for (String sha : attached) md.update(("\nattached " + sha).getBytes(StandardCharsets.US_ASCII));
        return new Body(HexFormat.of().formatHex(md.digest(), 0, 16), visible);
    }

    /** The email key, or null when the message has no Message-ID (then only byte identity deduplicates). */
    public static String emailKey(String messageId, Body body) {
        if (messageId == null || messageId.isBlank()) return null;
        return bounded(messageId.strip() + " " + body.hash());
    }

    /** The longest term Lucene indexes, in UTF-8 bytes ({@code IndexWriter.MAX_TERM_LENGTH}). */
    public static final int MAX_TERM_BYTES = 32_766;

    /**
     * A key or keyword term as indexed: itself, or, past {@value #MAX_TERM_BYTES} UTF-8 bytes, "sha256 " and the hex
     * digest of it. Lucene refuses longer terms and fails the whole document, and a hostile header can be megabytes
     * long (nasty-mime's stack-overflow.txt has a recipient of 86,718 characters); the digest keeps equal values equal
     * and different ones apart. Shorter values, all an archive could ever hold, are unchanged.
     */
    public static String bounded(String term) {
        if (term.length() <= MAX_TERM_BYTES / 3) return term; // at most 3 UTF-8 bytes a char: fits
        byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= MAX_TERM_BYTES ? term : "sha256 " + sha256(utf8);
    }

    /**
     * The content key: subject, body and the UTC day of the date, as if the email had been dated {@code dayShift} days
     * later. Catches copies that mail stores gave new Message-IDs, other sender forms (an assistant's name, an X.500
     * address) or a date shifted by hours when filing them, as every Enron folder copy shows, which the Message-ID key
     * cannot; lookups also try the day before and after for a shift across midnight. Null when there is no date or
     * hardly any text, where such a key would join unrelated messages.
     */
    public static String contentKey(java.time.Instant date, String subject, Body body, int dayShift) {
        if (date == null || body.visibleChars() < 20) return null;
        String key = body.hash() + "\n" + subject.strip() + "\n" + (Math.floorDiv(date.toEpochMilli(), 86_400_000L) + dayShift);
        return "content " + HexFormat.of().formatHex(digest().digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
