package dossier.web;

import dossier.model.Original;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /items/{id}/original}: the original bytes, byte for byte, always as a download
 * ({@code Content-Disposition: attachment}, {@code application/octet-stream}, nosniff), so nothing in an original
 * ever runs in the archive's origin. {@code ?inline=1} shows raster images in pages (for {@code cid:} images and
 * previews) with their image type; anything else asked inline is refused.
 */
final class Originals {
    private Originals() {}

    /** Raster image types a browser can only draw: never SVG, which can carry script. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    static void send(Site site, Context ctx) throws IOException {
        long id = Params.id(ctx);
        boolean inline = Params.flag(ctx, "inline");
        Original it = site.original(id);
        Path blob = site.blobs().path(it.sha256());
        if (!Files.isRegularFile(blob)) throw WebError.notFound("The original of item " + id + " is not in this archive.");
        String name = ItemPage.fileName(it);
        if (inline) {
            String type = inlineType(it);
            if (type == null) {
                throw WebError.badRequest("Item " + id + " is not an image that can be shown in a page; download the original instead.");
            }
            ctx.contentType(type);
            ctx.header("Content-Disposition", disposition("inline", name));
        } else {
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", disposition("attachment", name));
        }
        ctx.header("Cache-Control", "public, max-age=86400, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        // Written straight to the response: no buffering of large originals and no compression changing the bytes.
        ctx.res().setContentLengthLong(Files.size(blob));
        try (InputStream in = Files.newInputStream(blob); OutputStream out = ctx.res().getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The image type to show an item inline with, or null when it must only be downloaded. */
    static String inlineType(Original it) {
        String t = it.contentType() == null ? "" : it.contentType().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi);
        t = t.strip();
        if (t.equals("image/jpg") || t.equals("image/pjpeg")) t = "image/jpeg";
        return INLINE.contains(t) ? t : null;
    }

    /**
     * The longest name a download is offered under, in chars. A zip entry's name can run to 65,535 bytes, and a
     * header that long (twice over, and up to nine times as long percent-encoded) passed Jetty's response header
     * limit, so the download failed with a 500. Two hundred chars keep any real name whole and fit what file systems
     * take (255 bytes a name on most).
     */
    static final int MAX_NAME = 200;

    /** A Content-Disposition value: an ASCII fallback name and the name in RFC 5987 encoding, at most {@link #MAX_NAME}. */
    static String disposition(String type, String name) {
        String clean = shorten(name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip());
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) clean = "original";
        StringBuilder ascii = new StringBuilder();
        for (char c : clean.toCharArray()) ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != ';' && c != '%' ? c : '_');
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(clean);
    }

    /** The name cut to {@link #MAX_NAME} chars, keeping its extension (up to 20 chars) and never half a surrogate pair. */
    static String shorten(String name) {
        if (name.length() <= MAX_NAME) return name;
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 20 ? name.substring(dot) : "";
        int cut = MAX_NAME - ext.length();
        if (Character.isHighSurrogate(name.charAt(cut - 1))) cut--;
        return name.substring(0, cut).strip() + ext;
    }

    private static String rfc5987(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) b.append((char) c); else b.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
        return b.toString();
    }
}
