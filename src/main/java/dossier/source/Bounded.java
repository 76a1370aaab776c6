package dossier.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream into memory up to a cap, counting what actually arrives: declared sizes (zip headers, file
 * sizes) are never trusted, so a bomb or a lying header costs at most the cap.
 */
final class Bounded {
    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private Bounded() {}

    /** All bytes of the stream, or null when it holds more than {@code max} (after reading max + 1 at most). */
    static byte[] read(InputStream in, long max) throws IOException {
        int cap = (int) Math.min(Math.max(max, 0), MAX_ARRAY);
        byte[] buf = new byte[Math.min(cap + 1, 8192)];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                if (len > cap) return null;
                buf = Arrays.copyOf(buf, (int) Math.min((long) cap + 1, Math.max(2L * len, 8192)));
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) break;
            len += n;
        }
        if (len > cap) return null;
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
