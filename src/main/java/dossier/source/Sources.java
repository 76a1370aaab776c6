package dossier.source;

import dossier.model.Limits;
import dossier.model.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Enumerates a dump in deterministic order and opens its containers. Thread-safe (stateless).
 *
 * <p>TODO(sources helper): implement. Contract:
 * <ul>
 *   <li>{@link #list}: every regular file under each root (a root may itself be a file), recursively, sorted by the
 *       UTF-8 bytes of {@link SourceFile#display()} across all roots; symlinks not followed out of the root;
 *       unreadable folders become problems.</li>
 *   <li>{@link #open}: emits the file's inputs in container order: a plain file is one input; an mbox is one EMAIL
 *       input per message ({@code path#N}, N from 1); a maildir message or .eml is one EMAIL input; a zip is each
 *       entry, recursively ({@code a.zip#dir/b.txt}, {@code a.zip#in.zip#c.eml}).</li>
 * </ul>
 */
public final class Sources {
    private final Limits limits;

    public Sources(Limits limits) {
        this.limits = limits;
    }

    /** Lists the top-level files under the roots, sorted byte-wise by display path. */
    public List<SourceFile> list(List<Path> roots, Consumer<Problem> problems) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Opens one file and sends every input it holds to the sink, never throwing. */
    public void open(SourceFile file, InputSink sink) {
        throw new UnsupportedOperationException("not yet " + limits);
    }
}
