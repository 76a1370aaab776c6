package dossier.enrich;

/**
 * A 64-bit fingerprint of a string, so that threading can hold millions of Message-IDs and subject keys as
 * {@code long}s instead of strings. Equal strings give equal fingerprints; different strings collide with a chance
 * of about 2<sup>-64</sup> a pair (MurmurHash64A over the UTF-16 characters), so ten million distinct ids in one
 * archive collide anywhere with a chance of about 3 in a million; a collision joins or splits one thread, nothing
 * worse. 0 stands for "none" and is never the fingerprint of a non-empty string.
 *
 * <pre>{@code
 * Fingerprint.messageId(" a@x ") == Fingerprint.messageId("a@x");  // true: ids are compared stripped
 * Fingerprint.messageId("A@x") == Fingerprint.messageId("a@x");    // false: and case-sensitively, as Strings were
 * }</pre>
 *
 * <p>Nothing is gained by forging a collision: whoever can put an email in a dump can write any References they
 * like. Stateless and thread-safe.
 */
public final class Fingerprint {
    private Fingerprint() {}

    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;
    private static final long SEED = 0x5eed_d055_1e12_0001L;

    /** The fingerprint of the string exactly as given; 0 for null or empty. */
    public static long of(String s) {
        if (s == null || s.isEmpty()) return 0;
        int n = s.length(), i = 0;
        long h = SEED ^ (n * M);
        for (; i + 4 <= n; i += 4) {
            long k = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        if (i < n) {
            long k = 0;
            for (int j = 0; i + j < n; j++) k |= (long) s.charAt(i + j) << (16 * j);
            h ^= k;
            h *= M;
        }
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h == 0 ? 1 : h;
    }

    /** A Message-ID, In-Reply-To or References id as threading compares it: stripped of surrounding whitespace. */
    public static long messageId(String id) {
        return id == null ? 0 : of(id.strip());
    }
}
