package dossier.source;

import dossier.model.Problem;
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
        IOException failure;
        try (InputStream raw = new BufferedInputStream(item.content().stream());
                UntilBroken in = new UntilBroken(decompress(raw))) {
            bytes = opener.unpack(item.source(), in, item.content().size());
            failure = in.failure;
        }
        if (bytes == null) return;
        if (failure != null) {
            bytes = withLastBytes(item, bytes);
            if (bytes.length == 0) throw failure; // nothing could be unpacked: the file is not what it says
            opener.problem(item.source(), Problem.SOURCE, "cannot read " + name() + " past " + bytes.length
                    + " unpacked bytes: " + Opener.reason(failure) + "; what came before is read");
        }
        opener.open(new Item(item.source(), inner(item.path()), new Content.InMemory(bytes), item.depth() + 1));
    }

    /**
     * {@code good}, the bytes unpacked before the read that failed, and then those that read gave before it failed: a
     * decoder that meets its end, or junk after it, inside a read throws and drops what that read had unpacked (a whole
     * small file). So the file is unpacked again, up to there in big reads and on one byte at a time: at most
     * {@link UntilBroken#CHUNK} of them, and only for a broken file.
     */
    private byte[] withLastBytes(Item item, byte[] good) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(good.length + UntilBroken.CHUNK);
        out.write(good);
        // The JDK's gzip reader ends quietly at junk after the last member, where commons-compress throws as the read
        // that ends the member does, dropping even the one byte that read unpacked.
        try (InputStream raw = new BufferedInputStream(item.content().stream());
                InputStream in = kind == Kind.GZIP ? new java.util.zip.GZIPInputStream(raw) : decompress(raw)) {
            in.skipNBytes(good.length);
            for (int i = 0, b; i < UntilBroken.CHUNK && (b = in.read()) >= 0; i++) out.write(b);
        } catch (IOException e) {
            // where the first pass broke
        }
        return out.toByteArray();
    }

    private String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A stream that ends where its decoder fails, keeping the failure: a file cut short, or with bytes after its end
     * (a download with junk appended), still gives what was unpacked before, as a zip gives the entries before a cut.
     */
    private static final class UntilBroken extends java.io.FilterInputStream {
        /** The most asked of the decoder at once: what a failing read may drop, to be read again byte by byte. */
        static final int CHUNK = 8192;
        IOException failure;

        UntilBroken(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) return -1;
            try {
                return in.read(b, off, Math.min(len, CHUNK));
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }
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
