package dossier.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson factory and mappers for JSON that Dossier wrote itself (an item's stored detail and summary,
 * {@code archive.json}, {@code problems.jsonl}, the people files, what show and the API print), so that whatever an
 * ingest could store can be read back. Thread-safe.
 *
 * <p>Example: {@code ArchiveJson.MAPPER.readTree(document.get(Schema.DETAIL))}.
 */
public final class ArchiveJson {
    private ArchiveJson() {}

    /**
     * No cap on the length of a string value beyond a Java string's own. Jackson's default (20 million chars) guards a
     * reader against hostile JSON; this JSON is ours, and what it holds is already bounded at ingest by {@link
     * dossier.model.Limits}: an email's plain and HTML bodies are kept whole, so one is as long as its file allows
     * ({@code maxFileBytes}, 512 MB by default), and with the default cap an email whose body passed 20 million chars
     * could be ingested but never shown or exported. Any smaller cap here would bring that back whenever the ingest's
     * limits grow. The other constraints keep Jackson's defaults, which our flat documents are far from.
     */
    private static final StreamReadConstraints OURS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).build();

    /** A new factory with the constraints above (a factory belongs to one mapper, so each gets its own). */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(OURS).build();
    }

    /** A builder of a mapper over {@link #factory()}, for readers that need features of their own. */
    public static JsonMapper.Builder mapper() {
        return JsonMapper.builder(factory());
    }

    /** The plain mapper for reading and writing Dossier's own JSON. */
    public static final JsonMapper MAPPER = mapper().build();
}
