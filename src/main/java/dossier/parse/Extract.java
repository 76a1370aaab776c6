package dossier.parse;

/** Text extraction for one input, its limits and deadline already bound: what mail and document parsing call. */
@FunctionalInterface
interface Extract {
    /** Extracts a file whose type {@code type} is already known (parameters included), or null when it is not. */
    TextExtractor.Extraction extract(byte[] bytes, String name, String type);

    /** Extracts a file of unknown type. */
    default TextExtractor.Extraction extract(byte[] bytes, String name) {
        return extract(bytes, name, null);
    }
}
