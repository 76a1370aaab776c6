package dossier.parse;

import dossier.model.Parsed;
import dossier.model.RawInput;

/** Text extraction for one input, its limits and deadline already bound: what mail and document parsing call. */
@FunctionalInterface
interface Extract {
    /** Extracts a file whose type {@code type} is already known (parameters included), or null when it is not. */
    TextExtractor.Extraction extract(byte[] bytes, String name, String type);

    /** Extracts a file of unknown type. */
    default TextExtractor.Extraction extract(byte[] bytes, String name) {
        return extract(bytes, name, null);
    }

    /**
     * The item of a file found inside the input (an attachment, a file in a TNEF) when it is left unread for the
     * ingest's OCR queue to read later, or null when it is to be read now: see {@link Parser#parse(RawInput, boolean)}.
     */
    default Parsed leftForOcr(String source, String name, byte[] content) {
        return null;
    }
}
