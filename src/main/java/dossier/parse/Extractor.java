package dossier.parse;

/**
 * Reads text and metadata from a file that is not mail (a document or an attachment), with Apache Tika. The parse
 * stage asks this interface, so extraction can run in this JVM ({@link #inProcess()}) or in worker processes that
 * contain hangs, heap exhaustion and native crashes ({@code dossier.parse.isolation.ProcessExtractor}). Either way
 * Tika runs with the extractor's {@link Ocr} settings.
 *
 * <p>Implementations are thread-safe and never throw: whatever goes wrong is the extraction's {@code problem}.
 */
public interface Extractor extends AutoCloseable {
    /** Extracts at most {@code maxChars} of text, giving up when the deadline passes (when the implementation can). */
    default TextExtractor.Extraction extract(byte[] bytes, String name, int maxChars, Deadline deadline) {
        return extract(bytes, name, null, maxChars, deadline);
    }

    /**
     * {@link #extract(byte[], String, int, Deadline)} of a file whose media type the caller has detected already
     * ({@code type}, parameters included; null when it has not), so that Tika does not detect it again.
     */
    TextExtractor.Extraction extract(byte[] bytes, String name, String type, int maxChars, Deadline deadline);

    /** Whether and how Tika reads images and scanned pages here; the parser gives such inputs a longer deadline. */
    Ocr ocr();

    /** Stops whatever the extractor started (worker processes); a no-op in process. */
    @Override
    default void close() {}

    /** Tika in this JVM without OCR: for tests of parsing logic and tools. */
    static Extractor inProcess() {
        return inProcess(Ocr.OFF);
    }

    /**
     * Tika in this JVM: fastest, but a hostile file can hang a thread or exhaust the heap. The ingest's own watchdog
     * then gives up on the file after its deadline (the thread itself cannot be stopped).
     */
    static Extractor inProcess(Ocr ocr) {
        return new InProcess(ocr);
    }

    /** See {@link #inProcess(Ocr)}; the deadline is left to the ingest's watchdog. */
    record InProcess(Ocr ocr) implements Extractor {
        @Override
        public TextExtractor.Extraction extract(byte[] bytes, String name, String type, int maxChars,
                                                Deadline deadline) {
            return TextExtractor.extract(bytes, name, type, maxChars, ocr);
        }
    }
}
