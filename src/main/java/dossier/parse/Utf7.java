package dossier.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * UTF-7 (RFC 2152), which the JDK lacks and some mailers declared: ASCII as itself, anything else as UTF-16 in
 * modified base64 between {@code +} and an optional {@code -}, and {@code +-} for a plus sign. Decoding only.
 * {@link #strict} gives null for anything RFC 2152 does not allow (8-bit bytes, a {@code +} with no base64 after it,
 * leftover bits that are not zero, an unpaired surrogate), so that {@link Charsets} can fall back to detection as it
 * does for other text that does not fit its declared charset; the {@link Charset} itself replaces such input with
 * U+FFFD. Thread-safe (every decoder is a fresh instance).
 *
 * <p>Example: {@code Hi Mom -+Jjo--!} is "Hi Mom -☺-!".
 */
final class Utf7 extends Charset {
    static final Utf7 INSTANCE = new Utf7();

    private Utf7() {
        super("UTF-7", new String[] {"unicode-1-1-utf-7", "csUnicode11UTF7", "x-unicode-2-0-utf-7"});
    }

    /** The text the bytes spell in UTF-7, or null when they are not well-formed UTF-7. */
    static String strict(byte[] b, int off, int len) {
        Decoder d = new Decoder();
        d.onMalformedInput(CodingErrorAction.REPORT);
        try {
            String s = d.decode(ByteBuffer.wrap(b, off, len)).toString();
            return d.cutShort ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean contains(Charset cs) {
        return cs instanceof Utf7;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder();
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("UTF-7 is read, never written");
    }

    /** The value of a modified base64 character (RFC 2152 set B), or -1. */
    private static int valueOf(int c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }

    /**
     * Byte by byte, so input may arrive in any number of pieces. A malformed byte is reported with length 1; a
     * shift cut short at the very end of the input (bits left over or a surrogate without its pair) cannot be
     * reported that way from {@link #implFlush}, so it gives U+FFFD and sets {@link #cutShort}.
     */
    private static final class Decoder extends CharsetDecoder {
        private boolean shifted; // inside a base64 run
        private boolean justShifted; // the last byte was the '+' that opened it
        private int bits, nbits; // base64 bits not yet part of a UTF-16 unit
        private char high; // a high surrogate waiting for its low one, or 0
        boolean cutShort;

        Decoder() {
            super(INSTANCE, 1f / 3, 1f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                int c = in.get(in.position()) & 0xff;
                if (c >= 0x80) return malformed();
                if (shifted) {
                    int v = valueOf(c);
                    if (v >= 0) {
                        CoderResult r = addSextet(v, out);
                        if (r != null) return r;
                        in.get();
                        continue;
                    }
                    // The run ends: the bits left must be padding (fewer than six, all zero), with no surrogate
                    // open, and a '+' must have had base64 after it.
                    if (nbits >= 6 || bits != 0 || high != 0 || justShifted && c != '-') return malformed();
                    boolean plus = justShifted; // "+-"
                    endRun();
                    if (c == '-') {
                        if (plus && !out.hasRemaining()) return CoderResult.OVERFLOW;
                        in.get(); // the dash that ends a run is absorbed
                        if (plus) out.put('+');
                        continue;
                    }
                }
                if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                in.get();
                if (c == '+') {
                    shifted = justShifted = true;
                } else {
                    out.put((char) c);
                }
            }
            return CoderResult.UNDERFLOW;
        }

        /**
         * Adds six bits of a run, and puts the UTF-16 unit they complete; null when done, else the result to return
         * with the byte not consumed.
         */
        private CoderResult addSextet(int v, CharBuffer out) {
            int acc = bits << 6 | v, n = nbits + 6;
            if (n >= 16) {
                n -= 16;
                char unit = (char) (acc >>> n);
                boolean isHigh = Character.isHighSurrogate(unit);
                if (isHigh ? high != 0 : Character.isLowSurrogate(unit) != (high != 0)) return malformed();
                if (!isHigh && out.remaining() < (high != 0 ? 2 : 1)) return CoderResult.OVERFLOW;
                if (isHigh) {
                    high = unit;
                } else {
                    if (high != 0) out.put(high);
                    out.put(unit);
                    high = 0;
                }
                acc &= (1 << n) - 1;
            }
            bits = acc;
            nbits = n;
            justShifted = false;
            return null;
        }

        /** Reports the byte at the input's position as malformed; a replacing decoder goes on outside any run. */
        private CoderResult malformed() {
            endRun();
            return CoderResult.malformedForLength(1);
        }

        private void endRun() {
            shifted = justShifted = false;
            bits = nbits = 0;
            high = 0;
        }

        @Override
        protected CoderResult implFlush(CharBuffer out) {
            if (shifted && (nbits >= 6 || bits != 0 || high != 0 || justShifted)) {
                cutShort = true;
                if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                out.put('\ufffd');
            }
            endRun();
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected void implReset() {
            endRun();
            cutShort = false;
        }
    }
}
