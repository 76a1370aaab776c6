package dossier.parse;

/**
 * The width and height an image's header declares, for PNG, GIF, BMP and JPEG, read without decoding the image. Used to
 * keep Tesseract off images too small to hold a letter (spacer GIFs, bullets), which cost a Tesseract process of about
 * 0.1 s each. The header comes from the dump: every read is bounds-checked, and anything unexpected is "unknown".
 *
 * <pre>{@code
 * ImageSize s = ImageSize.of(bytes); // null when not one of the four formats or unreadable
 * }</pre>
 */
record ImageSize(long width, long height) {
    /** The declared size, or null when the bytes are not a PNG, GIF, BMP or JPEG whose header could be read. */
    static ImageSize of(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            // The IHDR chunk comes first: length, "IHDR", then width and height, big-endian.
            return b.length >= 24 && has(b, 12, 'I', 'H', 'D', 'R') ? new ImageSize(u32be(b, 16), u32be(b, 20)) : null;
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return b.length >= 10 ? new ImageSize(u16le(b, 6), u16le(b, 8)) : null; // the logical screen
        }
        if (starts(b, 'B', 'M')) {
            if (b.length < 26 || u32le(b, 14) < 40) return null; // an old OS/2 header: not worth reading
            return new ImageSize(Math.abs((long) (int) u32le(b, 18)), Math.abs((long) (int) u32le(b, 22))); // < 0: top-down
        }
        if (starts(b, 0xFF, 0xD8)) return jpeg(b);
        return null;
    }

    /** The frame header (SOFn) of a JPEG: the segments before it are skipped by their lengths. */
    private static ImageSize jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xff) != 0xFF) return null;
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) return null; // end of image, or the scan before any frame header
            int length = (int) u16be(b, i + 2);
            if (length < 2) return null;
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) return i + 9 <= b.length ? new ImageSize(u16be(b, i + 7), u16be(b, i + 5)) : null;
            i += 2 + length;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        return has(b, 0, magic);
    }

    private static boolean has(byte[] b, int at, int... magic) {
        if (b.length < at + magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[at + i] & 0xff) != magic[i]) return false;
        return true;
    }

    private static long u16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u16be(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | u16le(b, i + 2) << 16;
    }

    private static long u32be(byte[] b, int i) {
        return u16be(b, i) << 16 | u16be(b, i + 2);
    }
}
