package dossier.source;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import dossier.source.Sniffer.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Opens one file of the dump and everything nested in it, sending inputs and problems to a sink. One instance per
 * top-level file: it carries that file's expansion budget, so the whole tree unpacked from one small file is bounded
 * however the bytes are nested. Not thread-safe.
 */
final class Opener {
    /** The one place that maps a format to the code that opens it; new container formats are added here. */
    private static final Map<Format, Container> CONTAINERS = Map.of(
            Format.ZIP, new ZipContainer(),
            Format.MBOX, new MboxContainer(),
            Format.PST, new PstContainer(),
            Format.TAR, new TarContainer(),
            Format.SEVEN_Z, new SevenZContainer(),
            Format.GZIP, new CompressedContainer(CompressedContainer.Kind.GZIP),
            Format.BZIP2, new CompressedContainer(CompressedContainer.Kind.BZIP2),
            Format.XZ, new CompressedContainer(CompressedContainer.Kind.XZ));

    /** Small files may expand a lot (a page of spaces); the ratio limit only bites above this much output. */
    static final long EXPANSION_FLOOR = 1 << 20;

    private final Limits limits;
    private final InputSink sink;
    private long budget;
    /** Inputs and problems sent to the sink so far, and inputs alone. */
    private long emitted, inputs;

    Opener(Limits limits, InputSink sink, long topLevelSize) {
        this.limits = limits;
        this.sink = sink;
        long base = Math.max(topLevelSize, EXPANSION_FLOOR);
        int ratio = Math.max(1, limits.maxExpansion());
        this.budget = base > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : base * ratio;
    }

    Limits limits() {
        return limits;
    }

    /** Sniffs the item and emits it as one input or opens it as a container. Never throws. */
    void open(Item item) {
        long before = emitted, inputsBefore = inputs;
        Format format = null;
        try {
            if (item.content().size() == 0) {
                problem(item.source(), Problem.SOURCE, "empty file");
                return;
            }
            format = Sniffer.detect(item.path(), item.content().head(Sniffer.HEAD_BYTES));
            Container container = CONTAINERS.get(format);
            if (container == null) {
                leaf(item, format == Format.EMAIL ? Hint.EMAIL : Hint.FILE);
            } else if (item.depth() >= limits.maxDepth()) {
                problem(item.source(), Problem.LIMIT, "containers nested deeper than " + limits.maxDepth());
            } else {
                container.open(item, this);
            }
        } catch (IOException | RuntimeException e) {
            // Corrupt containers throw all sorts of runtime exceptions from third-party readers; each is one problem.
            problem(item.source(), Problem.SOURCE, (format == null ? "" : "cannot read " + label(format) + ": ")
                    + reason(e));
            if (inputs == inputsBefore && CONTAINERS.containsKey(format)) keepUnread(item);
        }
        // Every file is accounted for: a container that held nothing still leaves a trace.
        if (emitted == before) problem(item.source(), Problem.SOURCE, "empty " + label(format));
    }

    /** Emits the whole item as one input, unless it is larger than {@link Limits#maxFileBytes()}. */
    void leaf(Item item, Hint hint) throws IOException {
        long max = limits.maxFileBytes();
        byte[] bytes = item.content().size() > max ? null : item.content().bytes(max);
        if (bytes == null) {
            problem(item.source(), Problem.LIMIT, "larger than " + max + " bytes");
        } else {
            input(new RawInput(item.source(), item.name(), hint, bytes));
        }
    }

    void input(RawInput input) {
        emitted++;
        inputs++;
        sink.input(input);
    }

    /**
     * A container that would not open and gave nothing (a zip cut before its index, a gzip with a bad header) is kept
     * as an item with its bytes unread, so that its original is in the archive to download, as an encrypted entry's is.
     * One that gave entries before it broke is those entries: storing it whole as well would hold its bytes twice.
     */
    private void keepUnread(Item item) {
        try {
            long max = limits.maxFileBytes();
            if (item.content().size() <= max) input(new RawInput(item.source(), item.name(), Hint.UNREAD, item.content().bytes(max)));
        } catch (IOException | RuntimeException e) {
            // the problem is recorded already; the bytes cannot be read either
        }
    }

    void problem(String source, String stage, String reason) {
        emitted++;
        sink.problem(new Problem(source, stage, reason));
    }

    /** Bytes that may still be unpacked from compressed entries of this top-level file. */
    long budget() {
        return budget;
    }

    /** Records bytes unpacked from a compressed entry. */
    void spend(long bytes) {
        budget -= bytes;
    }

    /**
     * Reads an unpacking stream through a counting cap: the size limit, {@code packed} times the expansion ratio (when
     * the packed size is known, else -1) and what is left of this file's budget. Past the cap it records a LIMIT
     * problem for {@code source} and returns null, having read at most cap + 1 bytes.
     */
    byte[] unpack(String source, InputStream in, long packed) throws IOException {
        long max = limits.maxFileBytes();
        int ratio = Math.max(1, limits.maxExpansion());
        long ratioCap = packed < 0 ? Long.MAX_VALUE
                : Math.max(EXPANSION_FLOOR, packed > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : packed * ratio);
        long cap = Math.min(max, Math.min(ratioCap, Math.max(0, budget)));
        byte[] bytes = Bounded.read(in, cap);
        if (bytes == null) {
            spend(cap);
            problem(source, Problem.LIMIT, cap == max ? "larger than " + max + " bytes unpacked"
                    : cap == ratioCap ? "expands more than " + limits.maxExpansion() + " times its packed size"
                    : "unpacking stopped: the file expands to more than " + limits.maxExpansion()
                            + " times its size in total");
            return null;
        }
        spend(bytes.length);
        return bytes;
    }

    /** Records an encrypted entry: a problem, and the entry itself with what is known of it (name, type, size). */
    void encrypted(String source, String name, byte[] stored, String what) {
        problem(source, Problem.SOURCE, "encrypted " + what + ": password-protected, content not read");
        input(new RawInput(source, name, Hint.UNREAD, stored == null ? new byte[0] : stored));
    }

    /**
     * A reason from an exception without the absolute path file-system exceptions carry: problems.jsonl is published,
     * and the publisher's folder layout is none of the readers' business.
     */
    static String reason(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) t = u.getCause();
        if (t instanceof AccessDeniedException) return "permission denied";
        if (t instanceof NoSuchFileException) return "file vanished while reading";
        if (t instanceof FileSystemException f) {
            String r = f.getReason();
            return t.getClass().getSimpleName() + (r == null ? "" : ": " + r);
        }
        return Problem.reasonOf(t);
    }

    private static String label(Format format) {
        return format == null ? "file" : switch (format) {
            case ZIP -> "zip";
            case MBOX -> "mbox";
            case PST -> "pst";
            case TAR -> "tar";
            case SEVEN_Z -> "7z";
            case GZIP -> "gzip";
            case BZIP2 -> "bzip2";
            case XZ -> "xz";
            case EMAIL, FILE -> "file";
        };
    }
}
