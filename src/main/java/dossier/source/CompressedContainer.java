package dossier.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A single compressed stream (gzip, bzip2, xz) is transparent: what it holds takes its place, under the same locator,
 * and is sniffed and opened in turn. So {@code a.tar.gz} is read as a tar ({@code a.tar.gz#dir/file.txt}), {@code
 * box.mbox.gz} as an mbox ({@code box.mbox.gz#12}) and {@code notes.txt.gz} as the document {@code notes.txt}
 * (locator {@code notes.txt.gz}). The unpacked bytes are counted through the same caps as a zip entry (size limit,
 * expansion ratio, the top-level file's budget), so a gzip bomb ends as a LIMIT problem after at most the cap.
 */
final class CompressedContainer implements Container {
    /** The compression formats read this way. */
    enum Kind { GZIP, BZIP2, XZ }

    private final Kind kind;

    CompressedContainer(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void open(Item item, Opener opener) throws IOException {
        byte[] bytes;
        try (InputStream raw = new BufferedInputStream(item.content().stream());
                InputStream in = decompress(raw)) {
            bytes = opener.unpack(item.source(), in, item.content().size());
        }
        if (bytes == null) return;
        opener.open(new Item(item.source(), inner(item.path()), new Content.InMemory(bytes), item.depth() + 1));
    }

    private InputStream decompress(InputStream raw) throws IOException {
        return switch (kind) {
            // Concatenated members are one file (pigz, log rotation): read them all.
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZCompressorInputStream(raw, true);
        };
    }

    /** The path the unpacked file is judged by: the name without its compression suffix ({@code .tgz} is a tar). */
    static String inner(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String tarSuffix : new String[] {".tgz", ".tbz2", ".tbz", ".txz"}) {
            if (lower.endsWith(tarSuffix)) return path.substring(0, path.length() - tarSuffix.length()) + ".tar";
        }
        for (String suffix : new String[] {".gz", ".gzip", ".bz2", ".xz", ".z"}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return path.substring(0, path.length() - suffix.length());
            }
        }
        return path;
    }
}
