package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EmailHtmlTest {
    static final String REMOTE = "http://tracker.example";

    @Test
    void theHostileFixtureKeepsItsTextAndLosesEveryActiveOrRemotePart() {
        String html = WebFixtures.hostile(REMOTE);
        String body = html.substring(html.indexOf("<html>"));
        String clean = EmailHtml.clean(body);
        assertTrue(clean.contains("Hostile body text survives."));
        String lower = clean.toLowerCase(Locale.ROOT);
        for (String banned : List.of("<script", "onload", "onerror", "javascript:", "<iframe", "<object", "<embed", "<form",
                "<input", "<base", "<meta", "<link", "<style", "style=", "<svg", "<video", "poster=", "background=", "srcset=",
                "xlink:href=", "/base/")) {
            assertFalse(lower.contains(banned), banned + " in " + clean);
        }
        // The remote address may only appear as placeholder text or a link the reader chooses to follow.
        for (String src : Http.all(clean, "src=\"([^\"]*)\"")) assertFalse(src.contains("tracker"), src);
        assertTrue(clean.contains("<a href=\"" + REMOTE + "/page\" id=\"remote-link\"") || clean.contains("href=\"" + REMOTE + "/page\""), clean);
    }

    @Test
    void remoteImagesBecomeAPlaceholderShowingTheirAddress() {
        String clean = EmailHtml.clean("<p>Hi<img src=\"https://t.example/pixel.gif?u=42&amp;x=1\" alt=\"pixel\"></p>");
        assertEquals("<p>Hi<span class=\"blocked-image\">[remote image not loaded: pixel] <code>https://t.example/pixel.gif?u=42&amp;x=1</code></span></p>", clean);
    }

    @Test
    void cidImagesPointAtTheAttachmentInTheArchive() {
        String clean = EmailHtml.clean("<img src=\"cid:Logo%40x\" alt=\"l\"><img src=\"cid:missing@x\">",
                cid -> cid.equals("Logo@x") ? "/items/7/original?inline=1" : null);
        assertTrue(clean.startsWith("<img src=\"/items/7/original?inline=1\" alt=\"l\">"), clean);
        assertTrue(clean.contains("[embedded image not in the archive] <code>cid:missing@x</code>"), clean);
    }

    @Test
    void linksKeepTheirAddressButNeverSendAReferrer() {
        String clean = EmailHtml.clean("<a href=\"https://example.org/x\" target=\"_blank\">x</a><a href=\"/relative\">r</a>");
        assertEquals("<a href=\"https://example.org/x\" rel=\"noopener noreferrer nofollow\">x</a><a rel=\"noopener noreferrer nofollow\">r</a>", clean);
    }

    @Test
    void topLevelQuotesFoldIntoDetails() {
        String clean = EmailHtml.clean("<p>New</p><blockquote type=\"cite\"><p>Old</p><blockquote>Older</blockquote></blockquote>");
        assertEquals("<p>New</p><details class=\"quoted\"><summary>Quoted text</summary><blockquote><p>Old</p><blockquote>Older</blockquote></blockquote></details>", clean);
    }

    @Test
    void emptyOrBrokenHtmlIsHarmless() {
        assertEquals("", EmailHtml.clean(""));
        assertEquals("", EmailHtml.clean(null));
        assertEquals("<b>x</b>", EmailHtml.clean("<b>x"));
        assertEquals("&lt;script", EmailHtml.clean("&lt;script"));
    }
}
