package dossier.source;

import dossier.model.Problem;
import dossier.model.RawInput.Hint;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Reads a zip's entries in central directory order: the archive's own index, what {@code unzip -l} lists, and the
 * only reliable order when an entry's size is in a data descriptor. A zip whose index is unreadable (truncated,
 * damaged) is read again as a stream, in local header order, and that is reported, since entries may be missing. An
 * entry refused there (too large, encrypted, in an unknown method) is passed by its packed size and the entries after
 * it are read; one whose size comes only after its data cannot be passed unread, and ends the reading with a problem.
 *
 * <p>Each file entry becomes an item {@code zip#entry/path}, sniffed and opened in turn, so nested zips and mboxes
 * recurse; so does a directory entry that holds data ({@code zip#notes} for {@code notes/}). Entries are read into memory only, never written to disk; names that climb out ({@code ../}) or are
 * absolute are read under a sanitised locator and reported. Every entry is read through a counting cap (the size
 * limit, its expansion ratio, the budget of the top-level file), so declared sizes are never trusted and a bomb ends
 * as a problem after at most the cap. Office and OpenDocument files are zips too: they are kept whole, as documents.
 */
final class ZipContainer implements Container {
    /** Entries that make a zip a document: OOXML and XPS, OpenDocument and EPUB, Java archives. */
    private static final List<String> PACKAGE_MARKERS =
            List.of("[Content_Types].xml", "mimetype", "META-INF/MANIFEST.MF");

    @Override
    public void open(Item item, Opener opener) throws IOException {
        ZipFile zip;
        SeekableByteChannel channel = item.content().channel();
        try {
            zip = ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            readStream(item, opener, e);
            return;
        }
        try (zip; channel) {
            // Renamed or extension-less documents: their own index says what they are.
            if (PACKAGE_MARKERS.stream().anyMatch(name -> zip.getEntry(name) != null)) {
                opener.leaf(item, Hint.FILE);
                return;
            }
            int count = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory() && isEmpty(zip, entry)) continue;
                if (tooMany(++count, item, opener)) return;
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    encrypted(zip, entry, count, item, opener);
                    continue;
                }
                boolean readable = zip.canReadEntryData(entry);
                entry(entry, readable, count, item, opener, () -> zip.getInputStream(entry));
            }
        }
    }

    /**
     * Whether a directory entry (a name ending in '/') is only that. Zip tools never store data under such a name, but
     * a crafted or broken zip can: that data is read as a file named after the entry, never dropped unseen. An entry
     * that cannot be read is not empty either, so its problem is recorded.
     */
    private static boolean isEmpty(ZipFile zip, ZipArchiveEntry entry) {
        if (entry.getSize() == 0 && entry.getGeneralPurposeBit().usesEncryption()) return true;
        try (InputStream in = zip.getInputStream(entry)) {
            return in == null || in.read() < 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@link #isEmpty(ZipFile, ZipArchiveEntry)} for the stream reader: peeks at the data, and puts it back. */
    private static boolean isEmpty(ZipArchiveEntry entry, boolean readable, PushbackInputStream data)
            throws IOException {
        if (!readable || entry.getGeneralPurposeBit().usesEncryption()) return entry.getSize() == 0;
        int first = data.read();
        if (first < 0) return true;
        data.unread(first);
        return false;
    }

    /** An encrypted entry: kept with its stored (encrypted) bytes, so its name, type and size are indexed. */
    private static void encrypted(ZipFile zip, ZipArchiveEntry entry, int index, Item item, Opener opener)
            throws IOException {
        EntryName name = EntryName.of(entry.getName(), "entry-" + index);
        byte[] stored;
        try (InputStream raw = zip.getRawInputStream(entry)) {
            stored = raw == null ? null : Bounded.read(raw, opener.limits().maxFileBytes());
        }
        opener.encrypted(item.source() + "#" + name.path(), Sniffer.lastSegment(name.path()), stored, "zip entry");
    }

    /** The fallback for a zip without a readable index: local headers in stream order. */
    private static void readStream(Item item, Opener opener, Exception indexError) throws IOException {
        try (InputStream raw = item.content().stream();
                ZipArchiveInputStream in = new ZipArchiveInputStream(raw, StandardCharsets.UTF_8.name(), true, true)) {
            // The entry reader closes what it is given; the archive stream must stay open for the next entry.
            InputStream shield = new FilterInputStream(in) {
                @Override
                public void close() {}
            };
            int count = 0;
            ZipArchiveEntry entry;
            try {
                while ((entry = in.getNextEntry()) != null) {
                    InputStream data = shield;
                    if (entry.isDirectory()) {
                        PushbackInputStream peek = new PushbackInputStream(shield, 1);
                        if (isEmpty(entry, in.canReadEntryData(entry), peek)) continue;
                        data = peek;
                    }
                    if (count == 0 && isPackageMarker(entry.getName())) {
                        opener.leaf(item, Hint.FILE);
                        return;
                    }
                    if (count == 0) {
                        opener.problem(item.source(), Problem.SOURCE, "zip index unreadable ("
                                + Opener.reason(indexError) + "); entries read in stream order, some may be missing");
                    }
                    if (tooMany(++count, item, opener)) return;
                    InputStream entryData = data;
                    boolean readable = in.canReadEntryData(entry);
                    if (!entry(entry, readable, count, item, opener, () -> entryData) && !skippable(entry, readable)) {
                        opener.problem(item.source(), Problem.SOURCE, "the rest of the damaged zip was not read: entry "
                                + count + " gives its size only after its data, so it cannot be skipped (" + (count - 1)
                                + (count == 2 ? " entry" : " entries") + " read before it)");
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (count == 0) throw indexError instanceof IOException io ? io : new IOException(indexError);
                opener.problem(item.source(), Problem.SOURCE, "zip damaged after " + count + " entries: "
                        + Opener.reason(e));
            }
            if (count == 0) throw indexError instanceof IOException io ? io : new IOException(indexError);
        }
    }

    /**
     * Whether the stream reader can pass an entry it did not read to its end: by its packed size, when its local
     * header gives it, or by looking for its data descriptor, when it is stored. A compressed entry whose size comes
     * only after its data would have to be unpacked to find its end, all of it (a bomb would cost its full size), and
     * an encrypted one or one in an unknown method cannot be.
     */
    private static boolean skippable(ZipArchiveEntry entry, boolean readable) {
        if (!entry.getGeneralPurposeBit().usesDataDescriptor()) return entry.getCompressedSize() >= 0;
        return readable && entry.getMethod() == ZipMethod.STORED.getCode();
    }

    private static boolean isPackageMarker(String name) {
        return PACKAGE_MARKERS.contains(name);
    }

    private static boolean tooMany(int count, Item item, Opener opener) {
        int max = opener.limits().maxEntries(item.depth(), true);
        if (count <= max) return false;
        opener.problem(item.source(), Problem.LIMIT, "more than " + max + " entries; the rest were not read");
        return true;
    }

    /** How to get an entry's bytes, decompressed. */
    private interface Data {
        InputStream open() throws IOException;
    }

    /** Reads one entry and opens it; false when its data was not read to its end (refused, capped, failed, unread). */
    private static boolean entry(
            ZipArchiveEntry entry, boolean readable, int index, Item item, Opener opener, Data data) {
        EntryName name = EntryName.of(entry.getName(), "entry-" + index);
        String source = item.source() + "#" + name.path();
        if (name.unsafe()) {
            opener.problem(source, Problem.SOURCE,
                    "unsafe entry name \"" + entry.getName() + "\" read as \"" + name.path() + "\"");
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            opener.encrypted(source, Sniffer.lastSegment(name.path()), null, "zip entry");
            return false;
        }
        if (!readable) {
            opener.problem(source, Problem.SOURCE, "unsupported compression method " + methodName(entry));
            return false;
        }
        long max = opener.limits().maxFileBytes();
        if (entry.getSize() > max && believable(entry, item, opener)) {
            // A declared size the packed data can hold is enough to refuse, never enough to accept.
            opener.problem(source, Problem.LIMIT, "entry larger than " + max + " bytes");
            return false;
        }
        long ratioCap = ratioCap(entry, opener.limits().maxExpansion());
        long cap = Math.min(max, Math.min(ratioCap, Math.max(0, opener.budget())));
        byte[] bytes;
        try (InputStream in = data.open()) {
            bytes = Bounded.read(in, cap);
        } catch (IOException | RuntimeException e) {
            opener.problem(source, Problem.SOURCE, "cannot read entry: " + Opener.reason(e));
            return false;
        }
        if (bytes == null) {
            opener.spend(cap);
            opener.problem(source, Problem.LIMIT, cap == max ? "entry larger than " + max + " bytes"
                    : cap == ratioCap ? "expands more than " + opener.limits().maxExpansion() + " times its packed size"
                    : "unpacking stopped: the file expands to more than " + opener.limits().maxExpansion()
                            + " times its size in total");
            return false;
        }
        opener.spend(bytes.length);
        opener.open(new Item(source, name.path(), new Content.InMemory(bytes), item.depth() + 1));
        return true;
    }

    /**
     * Whether an entry's declared size could be true: its packed data fits in the zip and unpacks to it within the
     * expansion ratio. A size past that (4 GB claimed for a few bytes) is a lie or a bomb: the entry is then read
     * through the caps like any other, so a small one is kept whole and a bomb stops at the cap.
     */
    private static boolean believable(ZipArchiveEntry entry, Item item, Opener opener) {
        long packed = entry.getCompressedSize();
        return packed >= 0 && packed <= item.content().size() && entry.getSize() <= ratioCap(entry, opener.limits().maxExpansion());
    }

    /**
     * The most an entry may unpack to: its packed size times the ratio, never less than the floor. A packed size the
     * stream reader does not know yet leaves only the size limit and the budget of the top-level file.
     */
    private static long ratioCap(ZipArchiveEntry entry, int maxExpansion) {
        long packed = entry.getCompressedSize();
        if (packed < 0) return Long.MAX_VALUE;
        long ratio = packed > Long.MAX_VALUE / Math.max(1, maxExpansion) ? Long.MAX_VALUE : packed * maxExpansion;
        return Math.max(ratio, Opener.EXPANSION_FLOOR);
    }

    private static String methodName(ZipArchiveEntry entry) {
        ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
        return method == null ? String.valueOf(entry.getMethod()) : method.name();
    }
}
