package dossier.source;

import dossier.model.Problem;
import dossier.model.RawInput.Hint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Reads a zip's entries in central directory order (the archive's own index, what {@code unzip -l} lists; it also
 * finds entries a streaming reader misses after a stored entry with a data descriptor).
 *
 * <p>Each file entry becomes an item {@code zip#entry/path}, sniffed and opened in turn, so nested zips and mboxes
 * recurse. Entries are read into memory only, never written to disk; names that climb out ({@code ../}) or are
 * absolute are read under a sanitised locator and reported. Every entry is read through a counting cap (its size,
 * its expansion ratio, and the budget of the top-level file), so declared sizes are never trusted and a bomb ends as
 * a problem after at most the cap. Office and OpenDocument files are zips too: they are kept whole, as documents.
 */
final class ZipContainer implements Container {
    @Override
    public void open(Item item, Opener opener) throws IOException {
        try (SeekableByteChannel channel = item.content().channel();
                ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            if (isDocumentPackage(zip)) {
                opener.leaf(item, Hint.FILE);
                return;
            }
            int count = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) continue;
                if (++count > opener.limits().maxEntries()) {
                    opener.problem(item.source(), Problem.LIMIT,
                            "more than " + opener.limits().maxEntries() + " entries; the rest were not read");
                    return;
                }
                entry(zip, entry, count, item, opener);
            }
        }
    }

    /** OOXML ({@code [Content_Types].xml}), OpenDocument and EPUB ({@code mimetype}), Java archives (manifest). */
    private static boolean isDocumentPackage(ZipFile zip) {
        return zip.getEntry("[Content_Types].xml") != null
                || zip.getEntry("mimetype") != null
                || zip.getEntry("META-INF/MANIFEST.MF") != null;
    }

    private static void entry(ZipFile zip, ZipArchiveEntry entry, int index, Item item, Opener opener) {
        EntryName name = EntryName.of(entry.getName(), "entry-" + index);
        String source = item.source() + "#" + name.path();
        if (name.unsafe()) {
            opener.problem(source, Problem.SOURCE,
                    "unsafe entry name \"" + entry.getName() + "\" read as \"" + name.path() + "\"");
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            opener.problem(source, Problem.SOURCE, "encrypted entry");
            return;
        }
        if (!zip.canReadEntryData(entry)) {
            opener.problem(source, Problem.SOURCE, "unsupported compression method " + methodName(entry));
            return;
        }
        long max = opener.limits().maxFileBytes();
        if (entry.getSize() > max) {
            // A declared size is enough to refuse, never enough to accept.
            opener.problem(source, Problem.LIMIT, "entry larger than " + max + " bytes");
            return;
        }
        long ratioCap = ratioCap(entry, opener.limits().maxExpansion());
        long cap = Math.min(max, Math.min(ratioCap, Math.max(0, opener.budget())));
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = Bounded.read(in, cap);
        } catch (IOException | RuntimeException e) {
            opener.problem(source, Problem.SOURCE, "cannot read entry: " + Opener.reason(e));
            return;
        }
        if (bytes == null) {
            opener.spend(cap);
            opener.problem(source, Problem.LIMIT, cap == max ? "entry larger than " + max + " bytes"
                    : cap == ratioCap ? "expands more than " + opener.limits().maxExpansion() + " times its packed size"
                    : "unpacking stopped: the file expands to more than " + opener.limits().maxExpansion()
                            + " times its size in total");
            return;
        }
        opener.spend(bytes.length);
        opener.open(new Item(source, name.path(), new Content.InMemory(bytes), item.depth() + 1));
    }

    /** The most an entry may unpack to: its packed size times the ratio, but never less than the floor. */
    private static long ratioCap(ZipArchiveEntry entry, int maxExpansion) {
        long packed = Math.max(entry.getCompressedSize(), 1);
        long ratio = packed > Long.MAX_VALUE / Math.max(1, maxExpansion) ? Long.MAX_VALUE : packed * maxExpansion;
        return Math.max(ratio, Opener.EXPANSION_FLOOR);
    }

    private static String methodName(ZipArchiveEntry entry) {
        ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
        return method == null ? String.valueOf(entry.getMethod()) : method.name();
    }
}
