package dossier.web;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes an email's HTML body safe to show inside an archive page: jsoup's {@link Cleaner} copies only allow-listed
 * tags and attributes into a fresh document (no scripts, handlers, forms, frames, objects, styles, {@code <base>} or
 * {@code <meta>}), links get {@code rel="noopener noreferrer nofollow"}, remote images become a placeholder that
 * shows their address, and {@code cid:} images point at the attachment in the archive. Top-level quotes are folded
 * into {@code <details>}.
 *
 * <pre>{@code String safe = EmailHtml.clean(html, cid -> attachmentUrl(cid));}</pre>
 *
 * <p>Thread-safe: the safelist is built once and never changed.
 */
public final class EmailHtml {
    private EmailHtml() {}

    private static final Safelist SAFELIST = safelist();

    private static Safelist safelist() {
        // relaxed() has no scripts, styles, forms, frames or event handlers; we also drop what it allows that could
        // load something or carry layout we cannot show under our CSP.
        return Safelist.relaxed()
                .addTags("center", "font", "hr", "abbr", "s", "strike", "tt")
                .addAttributes("font", "color", "size")
                .addAttributes("td", "align", "valign")
                .addAttributes("th", "align", "valign")
                .addAttributes("table", "border", "cellpadding", "cellspacing")
                .addProtocols("img", "src", "cid")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
                .removeProtocols("a", "href", "ftp");
    }

    /** Maps a {@code cid:} reference (without the scheme) to an archive URL, or null when it is not attached. */
    @FunctionalInterface
    public interface CidResolver {
        String url(String contentId);
    }

    /** The cleaned HTML, as a fragment to place inside a page. */
    public static String clean(String html, CidResolver cids) {
        if (html == null || html.isBlank()) return "";
        Document dirty = Jsoup.parse(html, "");
        // A <base href> in the mail would make relative links and images point wherever the sender likes.
        dirty.select("base").remove();
        dirty.setBaseUri("");
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element img : clean.select("img")) rewriteImage(img, cids);
        foldQuotes(clean);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The same, with no attachments to resolve {@code cid:} images against. */
    public static String clean(String html) {
        return clean(html, cid -> null);
    }

    private static void rewriteImage(Element img, CidResolver cids) {
        String src = img.attr("src").strip();
        if (src.toLowerCase(Locale.ROOT).startsWith("cid:")) {
            String url = cids.url(contentId(src.substring(4)));
            if (url != null) {
                img.attr("src", url);
                return;
            }
            img.replaceWith(placeholder("embedded image not in the archive", src, img.attr("alt")));
            return;
        }
        if (src.isEmpty()) {
            img.remove();
            return;
        }
        // Never let the reader's browser fetch a remote image: it would tell the sender who reads the archive.
        img.replaceWith(placeholder("remote image not loaded", src, img.attr("alt")));
    }

    /** Normalises a content id: percent-decoded, without angle brackets. */
    static String contentId(String raw) {
        String s = raw.strip();
        try {
            s = java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException keepAsIs) {
            // a stray % is not an encoding; keep the text as written
        }
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static Element placeholder(String what, String address, String alt) {
        Element span = new Element("span").addClass("blocked-image");
        span.appendText("[" + what + (alt == null || alt.isBlank() ? "" : ": " + alt.strip()) + "] ");
        span.appendElement("code").text(address.length() > 300 ? address.substring(0, 300) + "…" : address);
        return span;
    }

    /** Folds top-level quotes (replies quoting earlier mail) so the new text comes first. */
    private static void foldQuotes(Document doc) {
        for (Element q : doc.body().select("blockquote")) {
            if (q.parents().stream().anyMatch(p -> p.tagName().equals("blockquote") || p.tagName().equals("details"))) continue;
            Element details = new Element("details").addClass("quoted");
            details.appendElement("summary").text("Quoted text");
            q.replaceWith(details);
            details.appendChild(q);
        }
    }
}
