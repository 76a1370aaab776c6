package dossier.source;

import com.pff.PSTException;
import com.pff.PSTFile;
import com.pff.PSTFileContent;
import com.pff.PSTFolder;
import com.pff.PSTMessage;
import com.pff.PSTObject;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.model.RawInput.Hint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an Outlook {@code .pst} or {@code .ost} with java-libpst: every folder, depth first in the order Outlook's
 * hierarchy table lists them, and in each folder its items in contents table order. Each item (mail, and also
 * contacts, appointments, tasks, which Outlook stores as messages too) becomes one EMAIL input, written as RFC 5322
 * bytes by {@link PstMail}. Search folders (which only point at messages stored elsewhere) and Outlook's hidden
 * {@code IPM.Microsoft.*} bookkeeping items are not read.
 *
 * <p>Locators are the folder path, then the item's 1-based position in its folder:
 * {@code backup.pst#/Top of Personal Folders/Inbox/Deals/42}. Position, not descriptor node id, so a reader can find
 * the item by counting in Outlook; it is stable because the file is read, never written. The unnamed root folder adds
 * no segment; a '/' inside a folder name becomes '_'; two sibling folders of the same name are told apart by
 * {@code " (2)"}. {@link dossier.model.Limits#maxEntries()} bounds the items of one file, maxFileBytes each attachment
 * and message, maxDepth the nesting of folders and embedded messages.
 */
final class PstContainer implements Container {
    @Override
    public void open(Item item, Opener opener) throws IOException {
        // java-libpst prints on stdout and stderr instead of logging (see Hush); Dossier's own reading logs nothing.
        Hush.run(() -> walk(item, opener));
    }

    private static void walk(Item item, Opener opener) throws IOException {
        try (SeekableByteChannel channel = item.content().channel()) {
            PSTFile pst;
            try {
                pst = new PSTFile(new ChannelContent(channel));
            } catch (PSTException e) {
                throw new IOException(e.getMessage(), e);
            }
            new Walk(item, opener).folder(rootOf(pst), "", 0);
        }
    }

    private static PSTFolder rootOf(PSTFile pst) throws IOException {
        try {
            return pst.getRootFolder();
        } catch (PSTException e) {
            throw new IOException("no root folder: " + e.getMessage(), e);
        }
    }

    /** The state of one file's walk. */
    private static final class Walk {
        private final Item item;
        private final Opener opener;
        private int items;
        private boolean stopped;

        Walk(Item item, Opener opener) {
            this.item = item;
            this.opener = opener;
        }

        void folder(PSTFolder folder, String path, int depth) {
            if (stopped) return;
            String where = item.source() + "#" + (path.isEmpty() ? "/" : path);
            if (depth > opener.limits().maxDepth()) {
                opener.problem(where, Problem.LIMIT, "folders nested deeper than " + opener.limits().maxDepth());
                return;
            }
            // A search folder lists messages stored in other folders: reading it would only repeat them.
            if (folder.getNodeType() == PSTObject.NID_TYPE_SEARCH_FOLDER) return;
            messages(folder, path, where);
            try {
                Map<String, Integer> seen = new HashMap<>();
                if (!folder.hasSubfolders()) return;
                for (PSTFolder sub : folder.getSubFolders()) {
                    String name = segment(sub.getDisplayName());
                    int n = seen.merge(name, 1, Integer::sum);
                    folder(sub, path + "/" + (n == 1 ? name : name + " (" + n + ")"), depth + 1);
                }
            } catch (IOException | PSTException | RuntimeException e) {
                opener.problem(where, Problem.SOURCE, "cannot list subfolders: " + Opener.reason(e));
            }
        }

        private void messages(PSTFolder folder, String path, String where) {
            int count = folder.getContentCount();
            for (int i = 1; i <= count && !stopped; i++) {
                String source = item.source() + "#" + path + "/" + i;
                PSTObject child;
                try {
                    child = folder.getNextChild();
                } catch (IOException | PSTException | RuntimeException e) {
                    // The cursor may not have moved: reading on could return the same broken entry forever.
                    opener.problem(source, Problem.SOURCE, "cannot read item; the rest of the folder was not read: "
                            + Opener.reason(e));
                    return;
                }
                if (child == null) {
                    opener.problem(where, Problem.SOURCE, "folder lists " + count + " items but holds " + (i - 1));
                    return;
                }
                if (++items > opener.limits().maxEntries(item.depth(), true)) {
                    opener.problem(item.source(), Problem.LIMIT,
                            "more than " + opener.limits().maxEntries(item.depth(), true) + " items; the rest were not read");
                    stopped = true;
                    return;
                }
                if (child instanceof PSTMessage message) {
                    // Outlook's own bookkeeping (free/busy data), not something anyone wrote; readpst skips it too.
                    if (!hidden(message)) message(message, source);
                }
                else opener.problem(source, Problem.SOURCE, "not a message: " + child.getClass().getSimpleName());
            }
        }

        private void message(PSTMessage message, String source) {
            try {
                byte[] mime = new PstMail(opener.limits(), opener::problem).toMime(message, source, 0);
                if (mime.length > opener.limits().maxFileBytes()) {
                    opener.problem(source, Problem.LIMIT, "message larger than " + opener.limits().maxFileBytes() + " bytes");
                } else {
                    opener.input(new RawInput(source, "", Hint.EMAIL, mime));
                }
            } catch (IOException | PSTException | RuntimeException e) {
                opener.problem(source, Problem.SOURCE, "cannot read message: " + Opener.reason(e));
            }
        }
    }

    private static boolean hidden(PSTMessage message) {
        String type = message.getMessageClass();
        return type != null && type.startsWith("IPM.Microsoft.");
    }

    private static String segment(String name) {
        String s = name == null ? "" : name.strip().replace('/', '_').replace('#', '_');
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.isEmpty() ? "_" : b.toString();
    }

    /** java-libpst's view of the file: random access over a channel, so a PST in memory or on disk reads the same. */
    private static final class ChannelContent extends PSTFileContent {
        private final SeekableByteChannel channel;

        ChannelContent(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public void seek(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public long getFilePointer() throws IOException {
            return channel.position();
        }

        @Override
        public int read() throws IOException {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one) <= 0 ? -1 : one.get(0) & 0xff;
        }

        @Override
        public int read(byte[] target) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(target);
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) break;
            }
            return buf.position() == 0 && target.length > 0 ? -1 : buf.position();
        }

        @Override
        public byte readByte() throws IOException {
            int b = read();
            if (b < 0) throw new IOException("unexpected end of file");
            return (byte) b;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
