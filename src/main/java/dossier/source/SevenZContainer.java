package dossier.source;

import dossier.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * Reads a 7z archive's entries in archive order ({@code a.7z#dir/f}), each opened in turn, through the same caps as a
 * zip entry. The decoder's memory is bounded too (an LZMA dictionary is declared in the header). An archive whose
 * names are encrypted is kept as one encrypted item; an encrypted entry as an encrypted item of its own.
 */
final class SevenZContainer implements Container {
    /** The most memory a decoder may ask for: LZMA dictionaries of ordinary archives are far smaller. */
    private static final int MAX_DECODER_KIB = 256 << 10;

    @Override
    public void open(Item item, Opener opener) throws IOException {
        SeekableByteChannel channel = item.content().channel();
        SevenZFile archive;
        try {
            archive = SevenZFile.builder().setSeekableByteChannel(channel).setMaxMemoryLimitKiB(MAX_DECODER_KIB).get();
        } catch (PasswordRequiredException e) {
            channel.close();
            opener.encrypted(item.source(), item.name(), item.content().bytes(opener.limits().maxFileBytes()), "7z archive");
            return;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try (archive; channel) {
            int count = 0, max = opener.limits().maxEntries(item.depth(), true);
            // The index, not getNextEntry(): it lists names even when the content needs a password.
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                // Only an entry with a stream holds data; one that does is read as a file, even one named as a folder.
                // Without one it is a folder, a deletion marker or an empty file, and that is accounted for as in a zip.
                if (!entry.hasStream() && (entry.isDirectory() || entry.isAntiItem())) continue;
                if (++count > max) {
                    opener.problem(item.source(), Problem.LIMIT, "more than " + max + " entries; the rest were not read");
                    return;
                }
                EntryName name = EntryName.of(entry.getName() == null ? "" : entry.getName(), "entry-" + count);
                String source = item.source() + "#" + name.path();
                if (name.unsafe()) {
                    opener.problem(source, Problem.SOURCE,
                            "unsafe entry name \"" + entry.getName() + "\" read as \"" + name.path() + "\"");
                }
                if (entry.getSize() > opener.limits().maxFileBytes()) {
                    opener.problem(source, Problem.LIMIT, "entry larger than " + opener.limits().maxFileBytes() + " bytes");
                    continue;
                }
                byte[] bytes;
                try {
                    InputStream in = archive.getInputStream(entry);
                    bytes = opener.unpack(source, in, -1);
                } catch (PasswordRequiredException e) {
                    opener.encrypted(source, name.path().substring(name.path().lastIndexOf('/') + 1), null, "7z entry");
                    continue;
                }
                if (bytes == null) return;
                opener.open(new Item(source, name.path(), new Content.InMemory(bytes), item.depth() + 1));
            }
            if (count == 0) opener.problem(item.source(), Problem.SOURCE, "empty 7z archive");
        }
    }
}
