package dossier.parse;

/** Text extraction for one input, its limits and deadline already bound: what mail and document parsing call. */
@FunctionalInterface
interface Extract {
    TextExtractor.Extraction extract(byte[] bytes, String name);
}
