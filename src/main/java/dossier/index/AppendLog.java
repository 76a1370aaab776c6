package dossier.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A line file that only grows, and that an interrupted ingest rolls back to the length its last index commit
 * recorded: the manifest, the problems log and the list of ingested files. Not thread-safe: the ingest's writer
 * thread owns it.
 */
final class AppendLog implements Closeable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long length;

    /** Opens the file for appending, first cutting it to {@code committedLength} (everything after was never committed). */
    AppendLog(Path file, long committedLength) {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            if (channel.size() > committedLength) channel.truncate(committedLength);
            length = channel.size();
            channel.position(length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Appends one line (a newline is added). */
    void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        length += bytes.length;
        try {
            if (bytes.length > buffer.remaining()) flushBuffer();
            if (bytes.length > buffer.capacity()) {
                channel.write(ByteBuffer.wrap(bytes));
            } else {
                buffer.put(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes buffered lines to the file and forces them to disk; returns the length to record in a commit. */
    long sync() {
        try {
            flushBuffer();
            channel.force(false);
            return length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long length() {
        return length;
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        channel.close();
    }
}
