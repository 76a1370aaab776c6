package dossier.parse.isolation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * Test-only Tika parsers that misbehave the way real parsers do on hostile files, registered through
 * {@code src/test/resources/META-INF/services/org.apache.tika.parser.Parser} for made-up types
 * ({@code hostile-mimetypes.xml}: {@code *.hang}, {@code *.oom}, {@code *.crash}). Worker processes started after
 * {@link #register()} know the types (the property is passed on to them) and load the parsers (they run with the
 * test class path). Never parse these files in process.
 */
public final class HostileParsers {
    private HostileParsers() {}

    /**
     * Makes Tika detect the made-up types, through its {@code tika.custom-mimetypes} property (Tika 3.3 does not find a
     * {@code custom-mimetypes.xml} on the class path). Call before starting workers.
     */
    public static void register() {
        try {
            java.net.URL url = HostileParsers.class.getResource("/hostile-mimetypes.xml");
            System.setProperty("tika.custom-mimetypes", java.nio.file.Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link Hang} names the temporary file it leaves. */
    public static final String HANG_TEMP_PREFIX = "dossier-hang-";

    /** Spools its input to a temporary file, as many of Tika's parsers do, then sleeps forever: a parser stuck in a loop. */
    public static final class Hang implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-dossier-hang"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws java.io.IOException {
            org.apache.tika.io.TikaInputStream.get(stream).getPath(); // an apache-tika-*.tmp file in java.io.tmpdir
            java.nio.file.Files.createTempFile(HANG_TEMP_PREFIX, ".tmp"); // one that tests can recognise
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // a hung parser does not listen either
                }
            }
        }
    }

    /** Allocates until the heap is gone. */
    public static final class Oom implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-dossier-oom"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            List<long[]> hoard = new ArrayList<>();
            while (true) hoard.add(new long[1 << 20]);
        }
    }

    /** Ends the process abruptly, as a native crash in a parser's library would. */
    public static final class Crash implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("x-dossier-crash"));
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            Runtime.getRuntime().halt(134);
        }
    }
}
