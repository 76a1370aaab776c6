package dossier.source;

import dossier.model.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar's entries in stream order (a tar has no index). Each regular file becomes an item {@code a.tar#dir/f},
 * opened in turn; links and devices are reported, never followed. Entries are read into memory only, through the size
 * limit and the top-level file's budget; a tar is not compressed, so an oversized entry is skipped cheaply. A tar
 * that stops where a header or its end-of-archive blocks should be (a cut copy, an interrupted download) keeps the
 * entries before the cut and is recorded as a problem; commons-compress takes such an end for a normal one.
 */
final class TarContainer implements Container {
    @Override
    public void open(Item item, Opener opener) throws IOException {
        try (InputStream raw = new BufferedInputStream(item.content().stream());
                Watched tar = new Watched(raw)) {
            int count = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) continue;
                if (++count > opener.limits().maxEntries()) {
                    opener.problem(item.source(), Problem.LIMIT,
                            "more than " + opener.limits().maxEntries() + " entries; the rest were not read");
                    return;
                }
                EntryName name = EntryName.of(entry.getName(), "entry-" + count);
                String source = item.source() + "#" + name.path();
                if (name.unsafe()) {
                    opener.problem(source, Problem.SOURCE,
                            "unsafe entry name \"" + entry.getName() + "\" read as \"" + name.path() + "\"");
                }
                if (entry.isSymbolicLink() || entry.isLink()) {
                    opener.problem(source, Problem.SOURCE, "link to \"" + entry.getLinkName() + "\" not followed");
                    continue;
                }
                if (!entry.isFile() || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    opener.problem(source, Problem.SOURCE, "not a regular file");
                    continue;
                }
                if (entry.getSize() > opener.limits().maxFileBytes()) {
                    opener.problem(source, Problem.LIMIT, "entry larger than " + opener.limits().maxFileBytes() + " bytes");
                    continue;
                }
                byte[] bytes = opener.unpack(source, tar, -1);
                if (bytes == null) return;
                opener.open(new Item(source, name.path(), new Content.InMemory(bytes), item.depth() + 1));
            }
            if (tar.cut != null) {
                opener.problem(item.source(), Problem.SOURCE, "truncated tar: it ends " + tar.cut + " after "
                        + count + (count == 1 ? " entry" : " entries") + " (any later ones are lost)");
            } else if (count == 0) {
                opener.problem(item.source(), Problem.SOURCE, "empty tar");
            }
        }
    }

    /** A tar stream that notices where it ended: at the end-of-archive blocks, or cut before them. */
    private static final class Watched extends TarArchiveInputStream {
        /** Where the archive was cut, or null when it ended properly. */
        String cut;

        Watched(InputStream in) {
            super(in);
        }

        /**
         * Reads a header record, or the second end-of-archive block (once at EOF). commons-compress returns null for
         * a short record and treats that as the end of the archive; only a zero block really is.
         */
        @Override
        protected byte[] readRecord() throws IOException {
            long before = getBytesRead();
            byte[] record = super.readRecord();
            if (record == null && !isAtEOF()) {
                cut = getBytesRead() > before ? "in the middle of a header" : "without its end-of-archive blocks";
            }
            return record;
        }
    }
}
