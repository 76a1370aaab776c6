package dossier.parse;

import dossier.model.DocMeta;
import dossier.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Detects types and extracts text and metadata with Apache Tika. One Tika configuration is built on first use and
 * shared (Tika's parsers are thread-safe); it leaves out every parser that runs an external program except Tesseract,
 * which runs only when {@link Ocr#enabled()} (images, and PDF pages without a text layer), in the languages and time
 * limit it says. XML parsing keeps Tika's default: no external entities. Thread-safe. Public for the extraction
 * worker ({@code dossier.parse.isolation.ExtractWorker}); the parse stage goes through {@link Extractor}.
 */
public final class TextExtractor {
    private TextExtractor() {}

    /** What Tika read from one file; {@code problem} is null when nothing went wrong. */
    public record Extraction(String text, String contentType, DocMeta meta, String problem) {}

    private static final String CONFIG_XML = """
            <properties>
              <parsers>
                <parser class="org.apache.tika.parser.DefaultParser">
                  <parser-exclude class="org.apache.tika.parser.external.CompositeExternalParser"/>
                </parser>
              </parsers>
            </properties>""";

    /**
     * Built on first use, so parsing plain mail never pays for loading Tika. It is loaded on a thread of its own, which
     * nothing interrupts: the thread that first needs Tika may be a parse the ingest gives up on and interrupts, and an
     * interrupt while Tika reads its configuration failed this class's initialisation, which the JVM never retries:
     * every later file failed with "Could not initialize class". The first caller waits for the load whatever
     * happens to it, and keeps its interrupt.
     */
    private static final class Tika {
        private static final TikaLoad.Loaded LOADED = TikaLoad.apart();
        static final TikaConfig CONFIG = LOADED.config();
        static final Detector DETECTOR = CONFIG.getDetector();
        static final AutoDetectParser PARSER = LOADED.parser();
    }

    /**
     * Loads Tika for {@link Tika} on a thread of its own. Not a method of {@code Tika}: that thread would wait for the
     * initialisation of the class that waits for it.
     */
    private static final class TikaLoad {
        record Loaded(TikaConfig config, AutoDetectParser parser) {}

        static Loaded apart() {
            java.util.concurrent.FutureTask<Loaded> load = new java.util.concurrent.FutureTask<>(TikaLoad::load);
            Thread.ofPlatform().name("tika-load").daemon().start(load);
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return load.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("cannot configure Tika", e.getCause());
                    }
                }
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        private static Loaded load() throws java.io.IOException, org.apache.tika.exception.TikaException,
                org.xml.sax.SAXException {
            try (InputStream in = new ByteArrayInputStream(CONFIG_XML.getBytes(StandardCharsets.UTF_8))) {
                TikaConfig config = new TikaConfig(in);
                AutoDetectParser p = new AutoDetectParser(config);
                p.setDetector(new Detected(config.getDetector()));
                return new Loaded(config, p);
            }
        }
    }

    /** The media type of the bytes (name as a hint), without parameters. */
    static String detect(byte[] bytes, String name) {
        return detectType(bytes, name).getBaseType().toString();
    }

    /**
     * The media type of the bytes as Tika's detector gives it (parameters included): what {@link #extract} takes as
     * the known type, so that a file the caller has already detected is not detected again.
     */
    static String detectWithParameters(byte[] bytes, String name) {
        return detectType(bytes, name).toString();
    }

    private static MediaType detectType(byte[] bytes, String name) {
        Metadata md = new Metadata();
        if (name != null && !name.isEmpty()) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return Tika.DETECTOR.detect(in, md);
        } catch (Exception e) {
            return MediaType.OCTET_STREAM;
        }
    }

    /** Where {@link #extractUncached} leaves the type it detected, for {@link Detected}. */
    private static final String DETECTED = "dossier:detected-type";

    /**
     * Tika's detector, except for a file whose type this class has just detected: detection reads the magic of
     * hundreds of types and opens zip and OLE2 containers, a third of the time Tika spends on a typical office file,
     * and AutoDetectParser would do it again. Embedded files get fresh metadata, so they are detected as usual.
     */
    private record Detected(Detector tika) implements Detector {
        @Override
        public MediaType detect(InputStream in, Metadata md) throws java.io.IOException {
            String known = md.get(DETECTED);
            return known != null ? MediaType.parse(known) : tika.detect(in, md);
        }
    }

    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{5,}\\b");

    /** Signatures and encrypted blobs: no text to find, and Tika reports every detached signature as an error. */
    private static final Set<String> NO_TEXT = Set.of("application/pkcs7-signature", "application/x-pkcs7-signature",
            "application/pgp-signature", "application/pgp-encrypted", "application/pkcs7-mime",
            "application/x-pkcs7-mime");

    /**
     * Recent extractions by content hash and name: the same attachment forwarded around a company (the common case in
     * real dumps) is parsed by Tika once. Bounded in entries and in the text it holds.
     */
    private static final Map<String, Extraction> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Extraction> eldest) {
            return size() > 1024;
        }
    });
    private static final int CACHED_TEXT_MAX = 100_000;

    /** Extracts text (at most {@code maxChars}) and metadata; never throws except OutOfMemoryError. */
    public static Extraction extract(byte[] bytes, String name, int maxChars, Ocr ocr) {
        return extract(bytes, name, null, maxChars, ocr);
    }

    /**
     * {@link #extract(byte[], String, int, Ocr)} of a file whose type the caller has detected already
     * ({@link #detectWithParameters}; null when it has not): detection is not repeated.
     */
    public static Extraction extract(byte[] bytes, String name, String type, int maxChars, Ocr ocr) {
        String key = sha256(bytes) + "/" + maxChars + "/" + (ocr.enabled() ? ocr.languages() : "-") + "/" + name;
        Extraction cached = RECENT.get(key);
        if (cached != null) return cached;
        Extraction x = extractUncached(bytes, name, type, maxChars, ocr);
        if (x.text().length() <= CACHED_TEXT_MAX) RECENT.put(key, x);
        return x;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@link #extract} without the cache of recent extractions: for the extraction worker, whose caller in the
     * ingest keeps that cache (hashing every file twice cost more than the worker's cache saved). {@code type} is the
     * type the caller detected, or null.
     */
    public static Extraction extractUncached(byte[] bytes, String name, String type, int maxChars, Ocr ocr) {
        // The ingest detects OLE2 files (Outlook message or not) and text (email or not) itself: over documents/tika
        // and enron-attachments that is 533 of 842 files, each of whose detection opened its container again here.
        MediaType given = type == null ? null : MediaType.parse(type);
        MediaType detectedType = given != null ? given : detectType(bytes, name);
        String detected = detectedType.getBaseType().toString();
        if (NO_TEXT.contains(detected)) return new Extraction("", detected, DocMeta.NONE, null);
        Metadata md = new Metadata();
        if (name != null && !name.isEmpty()) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        md.set(DETECTED, detectedType.toString());
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        String problem = null;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            Tika.PARSER.parse(in, handler, md, context(ocr, ImageSize.of(bytes)));
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) { // a hostile file may throw anything, StackOverflowError included
            problem = reason(t, maxChars);
        }
        String found = md.get(Metadata.CONTENT_TYPE);
        if (found == null || found.isBlank()) found = detected;
        int semi = found.indexOf(';');
        if (semi >= 0) found = found.substring(0, semi).strip();
        if (Pdfs.truncated(bytes)) {
            problem = problem == null ? Pdfs.TRUNCATED : Pdfs.TRUNCATED + " (" + problem + ")";
        }
        DocMeta meta = new DocMeta(first(md, TikaCoreProperties.TITLE), author(md),
                instant(md, TikaCoreProperties.CREATED), instant(md, TikaCoreProperties.MODIFIED));
        return new Extraction(handler.toString().strip(), found, meta, problem);
    }

    /**
     * How Tika reads a file: {@code ocr} says whether Tesseract runs and in which languages; {@code image}, the size the
     * file's own header declares when it is an image, keeps Tesseract off one {@link Ocr#tooSmallToRead too small to
     * hold a letter} and off orientation detection for one {@link Ocr#smallerThanAScan smaller than a scan}.
     */
    private static ParseContext context(Ocr ocr, ImageSize image) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, Tika.PARSER); // text of embedded files (office attachments, images' metadata)
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        boolean read = ocr.enabled() && !Ocr.tooSmallToRead(image);
        tesseract.setSkipOcr(!read);
        if (read) {
            tesseract.setLanguage(ocr.languages());
            tesseract.setTimeoutSeconds((int) Math.max(1, ocr.timeout().toSeconds()));
            // Tika's default, 1, first detects the page's orientation and script (osd.traineddata, 10 MB, loaded by
            // every Tesseract process); 3 reads upright text at once: 0.12 s an email image instead of 0.2.
            if (Ocr.smallerThanAScan(image)) tesseract.setPageSegMode("3");
        }
        context.set(TesseractOCRConfig.class, tesseract);
        PDFParserConfig pdf = new PDFParserConfig();
        // AUTO: a page is rendered and read by Tesseract only when it has (almost) no text of its own.
        pdf.setOcrStrategy(ocr.enabled() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setOcrDPI(200); // enough for body text, and under half the pixels of the default 300
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static String reason(Throwable t, int maxChars) {
        if (WriteLimitReachedException.isWriteLimitReached(t)) return "text cut at " + maxChars + " characters";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException) return "encrypted document";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String reason = Problem.reasonOf(t) + (root == t ? "" : " (caused by " + Problem.reasonOf(root) + ")");
        // Object identities ("PDFParser@5df63359") would make problems.jsonl differ between identical runs.
        reason = IDENTITY.matcher(reason).replaceAll("");
        return Problem.shortened(reason, 300);
    }

    private static String author(Metadata md) {
        String a = first(md, TikaCoreProperties.CREATOR);
        return a != null ? a : blankToNull(md.get("meta:author"));
    }

    private static String first(Metadata md, Property p) {
        return blankToNull(md.get(p));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Metadata md, Property p) {
        Date d = md.getDate(p);
        return d == null ? null : d.toInstant();
    }
}
