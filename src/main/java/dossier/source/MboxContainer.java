package dossier.source;

import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an mbox into messages on bytes, streaming, so a mailbox of any size costs one message of memory.
 *
 * <p>A separator is a {@link FromLine}: {@code From}, a sender and a whole date ({@code From sender Tue Jan  1 00:00:00
 * 2002}); body lines that merely start with "From" never split a message. A bare {@code From - } line splits only
 * when a mail store's first header field follows it ({@link FromLine#isBare}). The first line of the file may also be a
 * damaged From_ line if header fields follow it ({@link Sniffer#startsWithEnvelope}). Separator lines are dropped,
 * {@code >From} lines (mboxrd and mboxo quoting) lose one {@code >}, and the empty line that ends a message before the
 * next separator, when there is one, is not part of the message. Lines end in LF or CRLF, kept as they are; a mailbox
 * whose lines end in CR alone (classic Mac OS) is read with each CR made an LF, since mime4j reads lines by LF.
 *
 * <p>Messages are numbered from 1 in file order ({@code box.mbox#1}). Text before the first separator is kept as
 * message {@code #0} when it is more than white space, so numbers always count separators and a {@code .mbox} that is
 * really one bare message still yields it. {@link dossier.model.Limits#maxFileBytes()} applies to each message, not to
 * the mailbox; {@link dossier.model.Limits#maxEntries()} to the number of messages.
 */
final class MboxContainer implements Container {
    @Override
    public void open(Item item, Opener opener) throws IOException {
        byte[] head = item.content().head(Sniffer.HEAD_BYTES);
        try (InputStream in = item.content().stream()) {
            new Split(item, opener).run(new Lines(in, Sniffer.crLineEnds(head)), Sniffer.startsWithEnvelope(head, false));
        }
    }

    /** The state of one split. */
    private static final class Split {
        private final Item item;
        private final Opener opener;
        private Message message;
        private int number;

        Split(Item item, Opener opener) {
            this.item = item;
            this.opener = opener;
            this.message = new Message(opener.limits().maxFileBytes());
        }

        void run(Lines lines, boolean envelopeFirst) throws IOException {
            boolean first = true;
            byte[] bare = null; // a bare "From - " line, held until the next line says whether it separates
            while (lines.next()) {
                byte[] b = lines.buf;
                int start = lines.start, end = lines.end;
                if (bare != null) {
                    boolean separator = lines.lineStart && FromLine.startsStoreHeader(b, start, end);
                    if (separator && !nextMessage()) return;
                    if (!separator) message.append(bare, 0, bare.length);
                    bare = null;
                }
                if (!lines.lineStart) {
                    message.append(b, start, end);
                    continue;
                }
                // No empty line is required before a separator: Netscape and other writers did not always leave one,
                // and a From_ line with its date is no accident of body text (writers quote body lines as ">From").
                boolean separator = first ? envelopeFirst : FromLine.matches(b, start, end);
                if (!first && !separator && FromLine.isBare(b, start, end)) {
                    bare = Arrays.copyOfRange(b, start, end);
                    continue;
                }
                first = false;
                if (separator) {
                    if (!nextMessage()) return;
                    continue;
                }
                // mboxrd: ">From " and ">>From " were quoted by adding one '>'; take exactly one away.
                int gt = start;
                while (gt < end && b[gt] == '>') gt++;
                if (gt > start && FromLine.startsWithFrom(b, gt)) start++;
                message.append(b, start, end);
            }
            if (bare != null) message.append(bare, 0, bare.length);
            finish();
        }

        /** Ends the message at a separator and starts the next; false when that one is past the entry limit. */
        private boolean nextMessage() {
            finish();
            if (++number > opener.limits().maxEntries()) {
                opener.problem(item.source(), Problem.LIMIT,
                        "more than " + opener.limits().maxEntries() + " messages; the rest were not read");
                return false;
            }
            message = new Message(opener.limits().maxFileBytes());
            return true;
        }

        private void finish() {
            String source = item.source() + "#" + number;
            if (message.overflow) {
                long max = opener.limits().maxFileBytes();
                opener.problem(source, Problem.LIMIT, "message larger than " + max + " bytes");
                return;
            }
            byte[] bytes = message.withoutTrailingBlankLine();
            if (isBlank(bytes, 0, bytes.length)) {
                if (number > 0) opener.problem(source, Problem.SOURCE, "empty message");
                return;
            }
            opener.input(new RawInput(source, "", Hint.EMAIL, bytes));
        }
    }

    /** Whether the bytes hold nothing but white space (a blank line is "\n" or "\r\n"). */
    static boolean isBlank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) if (b[i] != '\n' && b[i] != '\r' && b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    /** One message being collected, up to a cap; past it only the fact that it overflowed is kept. */
    private static final class Message {
        private final long cap;
        private byte[] buf = new byte[8192];
        private int len;
        boolean overflow;

        Message(long cap) {
            this.cap = Math.min(cap, Bounded.MAX_ARRAY);
        }

        void append(byte[] b, int start, int end) {
            int n = end - start;
            if (overflow || n <= 0) return;
            if (len + (long) n > cap) {
                overflow = true;
                buf = null;
                return;
            }
            if (len + n > buf.length) buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(2L * buf.length, len + n)));
            System.arraycopy(b, start, buf, len, n);
            len += n;
        }

        byte[] withoutTrailingBlankLine() {
            int n = len;
            if (n >= 4 && buf[n - 4] == '\r' && buf[n - 3] == '\n' && buf[n - 2] == '\r' && buf[n - 1] == '\n') n -= 2;
            else if (n >= 2 && buf[n - 2] == '\n' && buf[n - 1] == '\n') n -= 1;
            return Arrays.copyOf(buf, n);
        }
    }

    /**
     * Lines of a stream as slices of one buffer, each with its '\n'. A line longer than the buffer comes in pieces,
     * only the first marked {@link #lineStart}, so a line without end (binary junk) costs no more than the buffer.
     * With {@code crLineEnds} (classic Mac OS), each CR or CRLF is read as one LF.
     */
    private static final class Lines {
        private final InputStream in;
        private final boolean crLineEnds;
        final byte[] buf = new byte[1 << 16];
        private int pos, lim;
        private boolean eof, midLine, afterCr;
        int start, end;
        boolean lineStart;

        Lines(InputStream in, boolean crLineEnds) {
            this.in = in;
            this.crLineEnds = crLineEnds;
        }

        boolean next() throws IOException {
            int scanned = pos;
            while (true) {
                for (int i = scanned; i < lim; i++) if (buf[i] == '\n') return slice(i + 1, false);
                scanned = lim;
                if (eof) return pos < lim && slice(lim, false);
                if (pos == 0 && lim == buf.length) return slice(lim, true);
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    scanned -= pos;
                    lim -= pos;
                    pos = 0;
                }
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) eof = true;
                else lim += crLineEnds ? crToLf(lim, n) : n;
            }
        }

        /** Makes each lone CR of {@code buf[from, from + n)} an LF in place; the new length (an LF after a CR goes). */
        private int crToLf(int from, int n) {
            int out = from;
            for (int i = from; i < from + n; i++) {
                byte c = buf[i];
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                buf[out++] = afterCr ? (byte) '\n' : c;
            }
            return out - from;
        }

        private boolean slice(int to, boolean partial) {
            start = pos;
            end = to;
            lineStart = !midLine;
            midLine = partial;
            pos = to;
            return true;
        }
    }
}
