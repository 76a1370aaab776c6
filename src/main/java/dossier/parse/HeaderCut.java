package dossier.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a header block that is larger than the limit by shortening its longest fields, so that no field is lost to
 * one giant one: a To of 50,000 recipients is cut, and the Subject and Message-ID after it are kept whole.
 *
 * <p>Every field is shortened to the same length, the largest that makes the block fit (fields shorter than that
 * stay whole), and never below {@value #SHORTEST} bytes. A field is cut after its last comma within that length, so
 * that an address list keeps whole addresses, else after its last space, else at a character boundary. Only when
 * the block holds so many fields that even {@value #SHORTEST} bytes each do not fit (tens of thousands, which no
 * mail program writes) are fields left out: those past the limit; the first of each field that Dossier reads ({@link #READ})
 * is kept then, wherever it stands, cut to {@value #READ_KEPT} bytes. Stateless.
 */
final class HeaderCut {
    private HeaderCut() {}

    /** No field is cut shorter than this. */
    static final int SHORTEST = 64;
    /** What a field Dossier reads keeps when fields must be left out. */
    static final int READ_KEPT = 4096;
    /** The fields the parser reads, lower-case. */
    private static final Set<String> READ = Set.of("from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date",
            "message-id", "in-reply-to", "references", "content-type", "content-transfer-encoding", "mime-version");
    private static final byte[] CRLF = {'\r', '\n'};

    /** The header block {@code [0, end)} of {@code b} cut to about {@code max} bytes, and what was done. */
    record Cut(byte[] header, int longest, int leftOut) {
        /** The problem's reason after {@code "header block of N bytes cut at MAX"}. */
        String detail() {
            String s = "; fields longer than " + longest + " bytes were shortened";
            return leftOut == 0 ? s : s + " and " + leftOut + " fields were left out";
        }
    }

    static Cut cut(byte[] b, int end, int max) {
        long small = 0;
        int[] big = new int[16];
        int bigs = 0;
        for (int at = 0, next; at < end; at = next) {
            next = fieldEnd(b, at, end);
            int size = next - at;
            if (size <= SHORTEST) small += size;
            else {
                if (bigs == big.length) big = Arrays.copyOf(big, bigs * 2);
                big[bigs++] = size;
            }
        }
        if (small + (long) SHORTEST * bigs > max) return crowded(b, end, max);
        Arrays.sort(big, 0, bigs);
        long room = max - small;
        int longest = Integer.MAX_VALUE;
        for (int i = 0; i < bigs; i++) {
            if ((long) big[i] * (bigs - i) <= room) room -= big[i];
            else {
                longest = (int) Math.max(SHORTEST, room / (bigs - i));
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(end, max) + 64);
        for (int at = 0, next; at < end; at = next) {
            next = fieldEnd(b, at, end);
            write(out, b, at, next, longest);
        }
        return new Cut(out.toByteArray(), longest, 0);
    }

    /** Too many fields for {@value #SHORTEST} bytes each: those that fit, then the first of each field read. */
    private static Cut crowded(byte[] b, int end, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(max + READ.size() * READ_KEPT);
        Set<String> seen = new HashSet<>();
        int leftOut = 0;
        for (int at = 0, next; at < end; at = next) {
            next = fieldEnd(b, at, end);
            String name = name(b, at, next);
            boolean first = READ.contains(name) && seen.add(name);
            if (first) write(out, b, at, next, READ_KEPT);
            else if (out.size() + SHORTEST + 2 <= max) write(out, b, at, next, SHORTEST);
            else leftOut++;
        }
        return new Cut(out.toByteArray(), SHORTEST, leftOut);
    }

    /** Writes the field {@code [at, next)} cut to at most {@code longest} bytes, ending it with a line break. */
    private static void write(ByteArrayOutputStream out, byte[] b, int at, int next, int longest) {
        if (next - at <= longest) {
            out.write(b, at, next - at);
            if (b[next - 1] != '\n') out.write(CRLF, 0, 2); // the last field of a message without a body
            return;
        }
        int limit = at + longest - 2; // room for the line break
        int cut = lastOf(b, at + longest / 2, limit, ',');
        if (cut < 0) cut = lastOf(b, at + longest / 2, limit, ' ');
        if (cut < 0) {
            cut = limit;
            while (cut > at && (b[cut] & 0xC0) == 0x80) cut--; // not inside a UTF-8 character
        } else {
            cut++; // keep the comma
        }
        // A cut just after a folded line's break would end the block here: trailing breaks and blanks go.
        while (cut > at && (b[cut - 1] == '\r' || b[cut - 1] == '\n' || b[cut - 1] == ' ' || b[cut - 1] == '\t')) cut--;
        out.write(b, at, cut - at);
        out.write(CRLF, 0, 2);
    }

    /** The offset just after the last {@code c} in {@code [from, to)}, minus one; -1 when there is none. */
    private static int lastOf(byte[] b, int from, int to, char c) {
        for (int i = to - 1; i >= from; i--) if (b[i] == c) return i;
        return -1;
    }

    /** Where the field starting at {@code at} ends: after its line break and every folded line that follows. */
    static int fieldEnd(byte[] b, int at, int end) {
        int i = at;
        while (i < end) {
            while (i < end && b[i] != '\n') i++;
            if (i < end) i++; // past the line break
            if (i >= end || (b[i] != ' ' && b[i] != '\t')) return i;
        }
        return end;
    }

    /** The field's name, lower-case; empty for a line without a colon. */
    private static String name(byte[] b, int at, int next) {
        for (int i = at; i < next && i < at + 100; i++) {
            if (b[i] == ':') return new String(b, at, i - at, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
            if (b[i] == '\n') break;
        }
        return "";
    }
}
