package dossier.parse.isolation;

import dossier.model.DocMeta;
import dossier.parse.TextExtractor.Extraction;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The protocol between the ingest and an extraction worker, over the worker's stdin and stdout: length-prefixed
 * binary frames, one request and one response at a time.
 *
 * <pre>
 * frame    = length:int32 payload          (big-endian; length counts the payload only)
 * ready    = "DOSR"                         (worker to ingest, once, when Tika is loaded)
 * request  = maxChars:int32 name:str type:str bytes:blob   (type: the type the ingest detected, or null)
 * response = text:str contentType:str title:str author:str created:int64 modified:int64 problem:str
 * str      = length:int32 (-1 for null) UTF-8 bytes;  blob = length:int32 bytes
 * int64 dates are epoch milliseconds, Long.MIN_VALUE for none
 * </pre>
 *
 * A frame is read whole before it is decoded, so a worker that dies mid-frame is an EOF, never a half response.
 */
final class Frames {
    private Frames() {}

    static final byte[] READY = "DOSR".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any request (files are bounded by Limits.maxFileBytes) or response: anything more is garbage. */
    private static final int MAX_FRAME = Integer.MAX_VALUE - 16;

    /** A request as the worker reads it. */
    record Request(byte[] bytes, String name, String type, int maxChars) {}

    static void writeReady(OutputStream out) throws IOException {
        frame(out, READY);
    }

    /** The ready frame as it appears on the wire: its length, then {@link #READY}. */
    private static final byte[] READY_FRAME = {0, 0, 0, 4, 'D', 'O', 'S', 'R'};

    /**
     * Reads up to and including the ready frame, skipping at most {@code maxPreamble} bytes before it: what the JVM
     * itself prints on stdout while it starts (a flight recording started with the worker announces itself there,
     * whatever -Xlog says). False at the end of the stream or past the bound.
     */
    static boolean awaitReady(InputStream in, int maxPreamble) throws IOException {
        int matched = 0;
        for (long read = 0; read < maxPreamble + READY_FRAME.length; read++) {
            int b = in.read();
            if (b < 0) return false;
            if (b == (READY_FRAME[matched] & 0xff)) {
                if (++matched == READY_FRAME.length) return true;
            } else {
                matched = b == 0 ? 1 : 0; // the frame starts with a zero byte
            }
        }
        return false;
    }

    static void writeRequest(OutputStream out, byte[] bytes, String name, String type, int maxChars) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] t = type == null ? null : type.getBytes(StandardCharsets.UTF_8);
        long length = 4L + 4 + n.length + 4 + (t == null ? 0 : t.length) + 4 + bytes.length;
        if (length > MAX_FRAME) throw new IOException("file too large for one frame");
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt((int) length);
        d.writeInt(maxChars);
        d.writeInt(n.length);
        d.write(n);
        d.writeInt(t == null ? -1 : t.length);
        if (t != null) d.write(t);
        d.writeInt(bytes.length);
        d.write(bytes);
        d.flush();
    }

    static void writeResponse(OutputStream out, Extraction x) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 + x.text().length());
        DataOutputStream d = new DataOutputStream(buf);
        string(d, x.text());
        string(d, x.contentType());
        DocMeta m = x.meta() == null ? DocMeta.NONE : x.meta();
        string(d, m.title());
        string(d, m.author());
        d.writeLong(m.created() == null ? Long.MIN_VALUE : m.created().toEpochMilli());
        d.writeLong(m.modified() == null ? Long.MIN_VALUE : m.modified().toEpochMilli());
        string(d, x.problem());
        frame(out, buf.toByteArray());
    }

    /** The next frame's payload, or null at a clean end of stream (before a frame starts). */
    static byte[] read(InputStream in) throws IOException {
        return read(in, MAX_FRAME);
    }

    /**
     * The next frame's payload, at most {@code maxLength} bytes, or null at a clean end of stream. The ingest reads
     * its workers' frames with a bound: stray output on a worker's stdout must not make it allocate gigabytes.
     */
    static byte[] read(InputStream in, long maxLength) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int b0 = d.read();
        if (b0 < 0) return null;
        int length = (b0 << 24) | (d.readUnsignedByte() << 16) | (d.readUnsignedByte() << 8) | d.readUnsignedByte();
        if (length < 0 || length > Math.min(maxLength, MAX_FRAME)) throw new IOException("bad frame length " + length);
        byte[] payload = new byte[length];
        d.readFully(payload);
        return payload;
    }

    static Request request(byte[] payload) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        int maxChars = d.readInt();
        String name = new String(blob(d), StandardCharsets.UTF_8);
        String type = string(d);
        return new Request(blob(d), name, type, maxChars);
    }

    /**
     * The largest response to a request of {@code maxChars}: the text in UTF-8 (at most 3 bytes a char), and room for
     * the type and metadata.
     */
    static long maxResponse(int maxChars) {
        return 3L * maxChars + (16 << 20);
    }

    static Extraction response(byte[] payload) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        String text = string(d), type = string(d), title = string(d), author = string(d);
        Instant created = instant(d.readLong()), modified = instant(d.readLong());
        String problem = string(d);
        return new Extraction(text == null ? "" : text, type, new DocMeta(title, author, created, modified), problem);
    }

    private static void frame(OutputStream out, byte[] payload) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(payload.length);
        d.write(payload);
        d.flush();
    }

    private static void string(DataOutputStream d, String s) throws IOException {
        if (s == null) {
            d.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static String string(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        d.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] blob(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0) throw new EOFException("bad field length " + n);
        byte[] b = new byte[n];
        d.readFully(b);
        return b;
    }

    private static Instant instant(long millis) {
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }
}
