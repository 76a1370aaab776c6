package dossier.web;

import dossier.enrich.Dedup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Finds which MIME part of a raw message each {@code Content-ID} names, by the sha256 of the part's decoded bytes:
 * the same hash the archive gives the attachment item, so a {@code cid:} image maps to its item whatever order the
 * parse stage kept parts in. Stateless and thread-safe.
 */
final class ContentIds {
    private ContentIds() {}

    /** Content-ID (without angle brackets, lower-cased) to the sha256 of the part's decoded bytes. */
    static Map<String, String> hashes(byte[] message) {
        Map<String, String> out = new HashMap<>();
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).build();
        MimeStreamParser parser = new MimeStreamParser(config);
        parser.setContentDecoding(true);
        parser.setContentHandler(new AbstractContentHandler() {
            private String contentId;

            @Override
            public void startHeader() {
                contentId = null;
            }

            @Override
            public void field(Field field) {
                if (field.getName().equalsIgnoreCase("Content-ID")) contentId = normalise(field.getBody());
            }

            @Override
            public void body(BodyDescriptor bd, InputStream in) throws IOException {
                if (contentId != null && !contentId.isEmpty()) out.putIfAbsent(contentId, Dedup.sha256(in.readAllBytes()));
            }
        });
        try {
            parser.parse(new ByteArrayInputStream(message));
        } catch (IOException | MimeException | RuntimeException malformed) {
            // A broken message still yields the ids found before the break; images after it stay placeholders.
        }
        return out;
    }

    static String normalise(String contentId) {
        String s = EmailHtml.contentId(contentId == null ? "" : contentId);
        return s.toLowerCase(Locale.ROOT);
    }
}
