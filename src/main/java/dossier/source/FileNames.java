package dossier.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The name of a file or folder as display paths record it: its bytes read as UTF-8, with each byte that is not part of
 * valid UTF-8 written as U+FFFD and two upper-case hex digits ({@code bad\xFEutf8.txt} is recorded as
 * {@code bad\uFFFDFEutf8.txt}). A U+FFFD of the name itself is written the same way, as its three bytes
 * ({@code \uFFFDEF\uFFFDBF\uFFFDBD}): so in a recorded name every U+FFFD and the two digits after it stand for one
 * byte, and two names recorded alike are the same bytes. Replacing each undecodable byte by a bare U+FFFD, as Java
 * does, recorded {@code bad\xFEutf8.txt} and {@code bad\xFFutf8.txt} as one path, and an ingest that had read one
 * skipped the other as already ingested.
 *
 * <pre>{@code
 * FileNames.escape("r\u00e9sum\u00e9.eml".getBytes(UTF_8))   // "r\u00e9sum\u00e9.eml"
 * FileNames.escape(new byte[] {'r', (byte) 0xE9, 's'})         // "r\uFFFDE9s" (Latin-1, not UTF-8)
 * }</pre>
 *
 * <p>U+FFFD was chosen to lead the escape because no name but a mangled one holds it, so every other name is recorded
 * as it always was; an escape such as {@code \xFE} would have had to change every name with a backslash. A recorded
 * name sorts by its UTF-8 bytes like any other (its escapes among the U+FFFD, {@code EF BF BD}), which keeps the
 * order of DESIGN section 3 and the walk's proof of it. Stateless and thread-safe.
 */
final class FileNames {
    private static final String REPLACEMENT = "\uFFFD";

    private FileNames() {}

    /** The recorded name of the last element of {@code p}, which must have one. */
    static String of(Path p) {
        String name = p.getFileName().toString();
        // Java decodes a name in the locale's encoding (sun.jnu.encoding, UTF-8 under the launcher), putting U+FFFD
        // for bytes it cannot decode; only then are the bytes needed. A Path keeps them, and gives them, percent-encoded
        // where they are not plain ASCII, in its URI.
        return name.contains(REPLACEMENT) ? escape(bytes(p)) : name;
    }

    /** The recorded form of a name's raw bytes. */
    static String escape(byte[] raw) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer text = CharBuffer.allocate(Math.max(2, raw.length)); // UTF-8 gives no more chars than bytes
        StringBuilder out = new StringBuilder(raw.length + 8);
        while (true) {
            CoderResult r = utf8.decode(in, text, true);
            text.flip();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\uFFFD') {
                    for (byte b : REPLACEMENT.getBytes(StandardCharsets.UTF_8)) escapeByte(out, b);
                } else {
                    out.append(c);
                }
            }
            text.clear();
            if (r.isUnderflow()) return out.toString();
            if (r.isError()) for (int i = 0; i < r.length(); i++) escapeByte(out, in.get());
        }
    }

    private static void escapeByte(StringBuilder out, byte b) {
        out.append(REPLACEMENT).append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }

    /** The raw bytes of the last element of {@code p}, read from its {@code file:} URI. */
    private static byte[] bytes(Path p) {
        String uri = p.toAbsolutePath().toUri().getRawPath();
        int end = uri.endsWith("/") ? uri.length() - 1 : uri.length(); // a folder's URI ends with '/'
        String name = uri.substring(uri.lastIndexOf('/', end - 1) + 1, end);
        ByteBuffer bytes = ByteBuffer.allocate(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(name, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        byte[] raw = new byte[bytes.position()];
        bytes.flip().get(raw);
        return raw;
    }
}
