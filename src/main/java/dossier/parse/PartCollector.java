package dossier.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Event;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Streams one message through mime4j and collects its header and its leaf parts in order, with transfer encodings
 * (base64, quoted-printable) decoded leniently: what could be decoded is kept, and what mime4j's decoders had to
 * skip or drop is noted on the part ({@link Part#damage}). Embedded messages are not entered: a
 * {@code message/rfc822} part arrives as one leaf with its bytes, so the caller can keep them and parse them as a child. One instance per message.
 */
final class PartCollector extends AbstractContentHandler {

    /**
     * A leaf part: its headers, its media type as mime4j resolved it (defaults applied), its decoded content, its
     * transfer encoding (lower case), and what was wrong with that encoding ({@code "Unexpected base64 byte: 42,
     * ignoring"}), or null.
     */
    record Part(Headers headers, String mimeType, byte[] content, String encoding, String damage) {}

    /**
     * What mime4j's base64 decoder reports that costs content or leaves it undecoded. Its other notes, and every note
     * of the quoted-printable decoder (blanks at line ends, LF without CR, a bare {@code =} or {@code ==} kept as
     * written, which is what its sender meant), are about form alone: nothing is lost, and much mail has them
     * (SpamAssassin: 164 "Unexpected ==" in one message).
     */
    private static final List<String> DAMAGE = List.of("Unexpected base64 byte", "Unexpected end of BASE64 stream",
            "Unexpected padding character");

    /** What mime4j says when the input ends inside a multipart, before its closing boundary. */
    private static final String PREMATURE_END = Event.MIME_BODY_PREMATURE_END.toString();

    /**
     * Counts the damage the decoders report while one part's content is read, and notes a multipart that ended before
     * its closing boundary. The parser's own events ({@code "Line 12: Invalid header encountered"}) reach a monitor
     * only when it listens; this one does for that one event and ignores the rest.
     */
    private static final class Damage extends DecodeMonitor {
        private String first;
        private int count;
        private boolean prematureEnd;

        @Override
        public boolean isListening() {
            return true;
        }

        @Override
        public boolean warn(String error, String dropDesc) {
            if (error != null && error.endsWith(PREMATURE_END)) {
                prematureEnd = true;
                return false;
            }
            if (dropDesc != null && dropDesc.startsWith("dropping 0 ")) return false; // stray padding, nothing lost
            for (String d : DAMAGE) {
                if (error != null && error.startsWith(d)) {
                    if (count++ == 0) {
                        String drop = dropDesc == null ? "" : dropDesc.strip().replaceAll("\\.$", "");
                        first = drop.isEmpty() ? error : error + ", " + drop;
                    }
                    break;
                }
            }
            return false; // go on decoding
        }

        /** Whether a multipart ended before its closing boundary since the last call; starts afresh. */
        boolean takePrematureEnd() {
            boolean ended = prematureEnd;
            prematureEnd = false;
            return ended;
        }

        /** What was reported since the last call, or null; starts afresh. */
        String take() {
            if (count == 0) return null;
            String d = first + (count > 1 ? " (" + count + " times)" : "");
            count = 0;
            first = null;
            return d;
        }
    }

    /** No line, header or count limit makes mime4j fail: the caller bounds the header block itself. */
    private static final MimeConfig LENIENT = MimeConfig.custom()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            .build();

    private Headers top;
    private Headers current;
    private final List<Part> parts = new ArrayList<>();
    private final Damage damage = new Damage();
    private final int maxDepth;
    private int depth;
    private boolean tooDeep;
    private final Deque<Multipart> open = new ArrayDeque<>();
    private Multipart unclosed;

    private PartCollector(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /**
     * Parses the message bytes; a truncated or malformed message yields whatever parts could be read. Multiparts
     * nested deeper than {@code maxDepth} end the reading ({@link #tooDeep}): mime4j reads each level through the
     * boundary streams of all the levels around it, recursively, and 20,000 nested multiparts overflowed the stack.
     */
    static PartCollector read(InputStream message, int maxDepth) throws IOException {
        PartCollector c = new PartCollector(maxDepth);
        // A null builder makes mime4j use its light fallback: media type, charset and boundary only.
        MimeStreamParser parser = new MimeStreamParser(LENIENT, c.damage, null);
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(c);
        try {
            parser.parse(Interruption.watch(message));
        } catch (org.apache.james.mime4j.MimeException e) {
            // Lenient mode should not raise this; if it does, keep what was read before the fault.
        } catch (TooDeep e) {
            // tooDeep() says so; the parts before are kept
        }
        if (c.top == null) c.top = new Headers();
        return c;
    }

    /** The message's own header. */
    Headers header() {
        return top;
    }

    /** Whether multiparts nested deeper than the limit, so that the parts inside them were not read. */
    boolean tooDeep() {
        return tooDeep;
    }

    /** A multipart being read: its header, its media type, how many parts it has shown so far, and its preamble. */
    static final class Multipart {
        final Headers headers;
        final String mimeType;
        int parts;
        byte[] preamble = new byte[0];

        Multipart(Headers headers, String mimeType) {
            this.headers = headers;
            this.mimeType = mimeType;
        }

        /** Whether the preamble holds nothing but blanks and line breaks. */
        boolean blank() {
            for (byte b : preamble) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
            return true;
        }
    }

    /**
     * The first multipart (the innermost, when nested ones end together) that ended before its closing boundary, or
     * null: the input or the part around it ran out first, so its last part may be cut short, or, with no parts, its
     * boundary never appeared and its whole body, read as its preamble, is kept as a plain text part instead.
     */
    Multipart unclosed() {
        return unclosed;
    }

    /** The leaf parts in message order. */
    List<Part> parts() {
        return parts;
    }

    @Override
    public void startHeader() {
        current = new Headers();
        if (top == null) top = current;
    }

    @Override
    public void field(Field field) {
        current.add(field);
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
        if (++depth > maxDepth) {
            tooDeep = true;
            // Thrown, not MimeStreamParser.stop(): after stop() mime4j read the rest of a 20,000-level email as
            // malformed header lines, one exception each, for minutes.
            throw new TooDeep();
        }
        open.push(new Multipart(current == null ? new Headers() : current, bd.getMimeType()));
    }

    @Override
    public void preamble(InputStream is) throws IOException {
        open.element().preamble = is.readAllBytes(); // a few words, unless the boundary never appears
    }

    @Override
    public void startBodyPart() {
        open.element().parts++;
    }

    /** Ends the reading of a message whose multiparts nest too deep; the parts read so far are kept. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    @Override
    public void endMultipart() {
        depth--;
        Multipart m = open.pop();
        if (!damage.takePrematureEnd()) return;
        if (unclosed == null) unclosed = m;
        // Without a boundary the body is one block of text: a plain part keeps its words, raw MIME lines and all.
        if (m.parts == 0 && !m.blank()) parts.add(new Part(m.headers, "text/plain", m.preamble, "", null));
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws IOException {
        byte[] content;
        String encoding = bd.getTransferEncoding() == null ? "" : bd.getTransferEncoding().toLowerCase(Locale.ROOT);
        damage.take(); // anything said before this part's content is not about it
        String bad;
        try {
            content = is.readAllBytes();
            bad = damage.take();
        } catch (IOException e) {
            content = new byte[0]; // a broken encoding mime4j could not even skip: keep the part, empty
            bad = "cannot be decoded: " + dossier.model.Problem.reasonOf(e);
        }
        parts.add(new Part(current == null ? new Headers() : current, bd.getMimeType(), content, encoding, bad));
    }
}
