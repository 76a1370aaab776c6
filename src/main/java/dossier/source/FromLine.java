package dossier.source;

/**
 * Recognises an mbox From_ line on bytes: {@code From }, the envelope sender (one token), white space, and an
 * asctime-style date: weekday, month, day, {@code hh:mm[:ss]}, an optional zone, a four-digit year, e.g.
 *
 * <pre>
 * From sender@x  Sat Jan  3 01:05:34 1996
 * From - Mon Jan 01 00:00:00 2001                              (Mozilla)
 * From 1581234567891234567@xxx Mon Feb 10 12:00:00 +0000 2020  (Gmail Takeout)
 * From user@host Wed Dec 31 23:59:59 MST 1997
 * From bob at example.com  Thu Jan  1 00:00:00 2009           (Mailman's pipermail)
 * </pre>
 *
 * <p>Anything may follow the year after white space (UUCP's {@code remote from host}). Body text that merely starts
 * with "From" has no such date. A line longer than {@link #MAX_LENGTH} is never one. One pass, no backtracking, so
 * hostile lines cost their length at most. Stateless.
 */
final class FromLine {
    /** The longest From_ line: "From ", a 256-byte path (RFC 5321's limit), a date and room to spare. */
    static final int MAX_LENGTH = 512;

    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final String[] MONTHS =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private final byte[] b;
    private final int end;
    private int at;

    private FromLine(byte[] b, int start, int end) {
        this.b = b;
        this.at = start;
        this.end = end;
    }

    /**
     * Header fields a mail store writes first after its own From_ line: Mozilla's status, a POP account's key and
     * UIDL, the delivery trace, and for a message it wrote itself (a sent or draft folder) its From or Message-ID, as
     * Netscape's mailboxes in mimekit's test files have them. Not Subject, To or Date: a quoted header block in prose
     * can put those under a line "From - ". Lower case, with the colon.
     */
    private static final String[] STORE_HEADERS = {"x-mozilla-status:", "x-mozilla-status2:", "x-mozilla-keys:",
            "x-account-key:", "x-uidl:", "return-path:", "received:", "delivered-to:", "from:", "message-id:"};

    /**
     * Whether the line is a bare {@code From -} (spaces after it allowed, no date), as some Mozilla-family tools and
     * converters write. Such a line is a separator only when the next line is one of the {@link #startsStoreHeader
     * header fields a mail store writes first}: the decision takes both lines, because "From - " alone is common in
     * prose (a signature, a quoted list) and a split there would cut an email in two, while those fields right after it
     * are no accident of body text. {@code From - } followed by a date is a whole From_ line and needs no such help.
     */
    static boolean isBare(byte[] b, int start, int end) {
        while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r' || space(b[end - 1]))) end--;
        return end - start == 6 && startsWithFrom(b, start) && b[start + 5] == '-';
    }

    /** Whether the line starts with a header field a mail store writes first (see {@link #isBare}), in any case. */
    static boolean startsStoreHeader(byte[] b, int start, int end) {
        for (String name : STORE_HEADERS) {
            if (end - start < name.length()) continue;
            int i = 0;
            while (i < name.length() && lower(b[start + i]) == name.charAt(i)) i++;
            if (i == name.length()) return true;
        }
        return false;
    }

    /** Whether {@code b[i..]} starts with {@code "From "}. */
    static boolean startsWithFrom(byte[] b, int i) {
        return i + 5 <= b.length
                && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ';
    }

    /** Whether the line {@code [start, end)}, its line ending included or not, is a From_ line. */
    static boolean matches(byte[] b, int start, int end) {
        while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r')) end--;
        if (end - start > MAX_LENGTH || !startsWithFrom(b, start)) return false;
        return new FromLine(b, start + 5, end).envelope();
    }

    private boolean envelope() {
        if (!token() || !spaces()) return false;
        skipAtHost();
        if (!word(WEEKDAYS) || !spaces() || !word(MONTHS) || !spaces()) return false;
        if (digits(1, 2) < 0 || !spaces() || !time() || !spaces()) return false;
        if (zone() && !spaces()) return false;
        if (digits(4, 4) < 0) return false;
        return at == end || space(b[at]);
    }

    /** Mailman's pipermail archives hide the address: "From bob at example.com  Mon Jan  1 ...". Skips "at host ". */
    private void skipAtHost() {
        int mark = at;
        if (at + 2 < end && b[at] == 'a' && b[at + 1] == 't' && space(b[at + 2])) {
            at += 2;
            if (spaces() && token() && spaces()) return;
        }
        at = mark;
    }

    /** One or more bytes up to white space. */
    private boolean token() {
        int from = at;
        while (at < end && !space(b[at])) at++;
        return at > from;
    }

    /** {@code hh:mm} or {@code hh:mm:ss}. */
    private boolean time() {
        if (digits(1, 2) < 0 || !colon() || digits(2, 2) < 0) return false;
        int mark = at;
        if (colon() && digits(2, 2) >= 0) return true;
        at = mark;
        return true;
    }

    /** A numeric zone ({@code +0000}) or a zone name ({@code MST}, {@code CEST}); consumed when there is one. */
    private boolean zone() {
        int mark = at;
        if (at < end && (b[at] == '+' || b[at] == '-')) {
            at++;
            if (digits(4, 4) >= 0) return true;
        } else {
            while (at < end && at - mark < 6 && letter(b[at])) at++;
            if (at > mark && (at == end || space(b[at]))) return true;
        }
        at = mark;
        return false;
    }

    /** One of the three-letter names, in any case, ending at white space. */
    private boolean word(String[] names) {
        if (end - at < 4 || !space(b[at + 3])) return false;
        for (String name : names) {
            if (lower(b[at]) == name.charAt(0) && lower(b[at + 1]) == name.charAt(1) && lower(b[at + 2]) == name.charAt(2)) {
                at += 3;
                return true;
            }
        }
        return false;
    }

    /** Reads min to max digits not followed by another; their value, or -1 (position then undefined). */
    private int digits(int min, int max) {
        int value = 0, n = 0;
        while (at < end && n < max && b[at] >= '0' && b[at] <= '9') {
            value = value * 10 + b[at++] - '0';
            n++;
        }
        boolean more = at < end && b[at] >= '0' && b[at] <= '9';
        return n >= min && !more ? value : -1;
    }

    private boolean colon() {
        if (at < end && b[at] == ':') {
            at++;
            return true;
        }
        return false;
    }

    /** One or more spaces or tabs. */
    private boolean spaces() {
        int from = at;
        while (at < end && space(b[at])) at++;
        return at > from;
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean letter(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
