package dossier.source;

import dossier.model.Problem;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar's entries in stream order (a tar has no index). Each regular file becomes an item {@code a.tar#dir/f},
 * opened in turn; so does a folder entry that holds data ({@code a.tar#notes} for {@code notes/}); links and devices are
 * reported, never followed. Entries are read into memory only, through the size
 * limit and the top-level file's budget; a tar is not compressed, so an oversized entry is skipped cheaply. A header
 * that claims more than the rest of the tar could hold (4 GB for an entry of a cut copy) is not believed: the entry is
 * read for what it holds, up to the limit. A tar that stops where a header or its end-of-archive blocks should be (a
 * cut copy, an interrupted download) keeps the entries before the cut and is recorded as a problem; commons-compress
 * takes such an end for a normal one. One that stops inside an entry's data keeps what that entry had, with a problem
 * of its own.
 */
final class TarContainer implements Container {
    @Override
    public void open(Item item, Opener opener) throws IOException {
        try (InputStream raw = new BufferedInputStream(item.content().stream());
                Watched tar = new Watched(new Ending(raw))) {
            int count = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory() && entry.getSize() == 0) continue;
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
                if (!(entry.isFile() || entry.isDirectory()) || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    opener.problem(source, Problem.SOURCE, "not a regular file");
                    continue;
                }
                long rest = item.content().size() - tar.getBytesRead();
                if (entry.getSize() > opener.limits().maxFileBytes() && entry.getSize() <= rest) {
                    // A size the tar can hold is enough to refuse, never enough to accept.
                    opener.problem(source, Problem.LIMIT, "entry larger than " + opener.limits().maxFileBytes() + " bytes");
                    continue;
                }
                byte[] bytes = opener.unpack(source, tar, -1);
                if (bytes == null) {
                    // Past the size limit the next entry may still be read; past the budget nothing more may.
                    if (opener.budget() <= 0) return;
                    continue;
                }
                if (tar.inData) {
                    opener.problem(source, Problem.SOURCE, "truncated entry: it claims " + entry.getSize()
                            + " bytes and the tar ends " + (bytes.length == 0 ? "before any of them"
                                    : "after " + bytes.length + "; those are read"));
                    if (bytes.length == 0) break;
                }
                opener.open(new Item(source, name.path(), new Content.InMemory(bytes), item.depth() + 1));
            }
            if (tar.inData) {
                opener.problem(item.source(), Problem.SOURCE, "truncated tar: it ends in the middle of entry " + count
                        + " (any later ones are lost)");
            } else if (tar.cut != null) {
                opener.problem(item.source(), Problem.SOURCE, "truncated tar: it ends " + tar.cut + " after "
                        + count + (count == 1 ? " entry" : " entries") + " (any later ones are lost)");
            } else if (count == 0) {
                opener.problem(item.source(), Problem.SOURCE, "empty tar");
            }
        }
    }

    /**
     * A tar stream that notices where it ended (at the end-of-archive blocks, or cut before them) and reads the data of
     * folder entries as if they were files.
     */
    private static final class Watched extends TarArchiveInputStream {
        private final Ending source;
        /** Where the archive was cut, or null when it ended properly. */
        String cut;
        /** Whether it was cut inside an entry's data. */
        boolean inData;
        /**
         * What is left of a folder entry's data, and its padding: tar tools never write any, but a crafted or broken tar
         * can, and commons-compress neither reads nor skips it, so it would take that data for the next headers.
         */
        private long folderData, folderPadding;

        Watched(Ending in) {
            super(in);
            this.source = in;
        }

        /** The next entry, or null where the archive ends: after a cut in the last one's data nothing can follow. */
        @Override
        public TarArchiveEntry getNextEntry() throws IOException {
            if (inData) return null;
            try {
                if (!skipFolderData()) return null;
                TarArchiveEntry entry = super.getNextEntry();
                if (entry != null && entry.isDirectory() && entry.getSize() > 0) {
                    folderData = entry.getSize();
                    folderPadding = (getRecordSize() - entry.getSize() % getRecordSize()) % getRecordSize();
                }
                return entry;
            } catch (IOException e) {
                if (!source.ended) throw e;
                // The padding after an entry's data, or an extended header, ran into the end.
                if (!inData) cut = "before its next header";
                return null;
            }
        }

        /** The current entry's data (also what skips it); ends early, instead of throwing, where the archive ends. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (inData) return -1;
            if (folderData > 0) {
                int n = source.read(b, off, (int) Math.min(len, folderData));
                if (n < 0) {
                    inData = true;
                    return -1;
                }
                folderData -= n;
                count(n);
                return n;
            }
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                endedInData(e);
                return -1;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            if (inData) return 0;
            try {
                return super.skip(n);
            } catch (IOException e) {
                endedInData(e);
                return 0;
            }
        }

        /** Skips what is left of a folder entry's data and padding; false where the archive ends in them. */
        private boolean skipFolderData() throws IOException {
            while (folderData > 0 || folderPadding > 0) {
                long n = source.skip(folderData > 0 ? folderData : folderPadding);
                if (n <= 0) {
                    if (folderData > 0) inData = true;
                    else cut = "before its next header";
                    return false;
                }
                long data = Math.min(n, folderData);
                folderData -= data;
                folderPadding -= n - data;
                count(n);
            }
            return true;
        }

        /** commons-compress throws where the archive ends inside an entry's data: that is a cut, not a failure. */
        private void endedInData(IOException e) throws IOException {
            if (!source.ended) throw e;
            inData = true;
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

    /** The raw bytes of the tar, noting when they run out, so that a cut is told from a damaged header. */
    private static final class Ending extends FilterInputStream {
        boolean ended;

        Ending(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        /** A skip that gets nothing may be at the end: one read tells. */
        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0 || n <= 0) return skipped;
            return read() < 0 ? 0 : 1;
        }
    }
}
