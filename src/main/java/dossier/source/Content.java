package dossier.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The bytes of one thing to open: a file on disk (streamed, so a large mbox or zip is never loaded whole) or a
 * container entry already read into memory.
 */
sealed interface Content permits Content.OnDisk, Content.InMemory {
    /** Its size in bytes. */
    long size();

    /** A stream over all of it, from the start. */
    InputStream stream() throws IOException;

    /** Random access, for formats whose index is at the end (zip). */
    SeekableByteChannel channel() throws IOException;

    /** Up to {@code max} bytes from the start, for sniffing. */
    default byte[] head(int max) throws IOException {
        try (InputStream in = stream()) {
            return in.readNBytes(max);
        }
    }

    /** All of it, or null when it holds more than {@code max} bytes (a file can grow after it was listed). */
    default byte[] bytes(long max) throws IOException {
        try (InputStream in = stream()) {
            return Bounded.read(in, max);
        }
    }

    /** A regular file; symlinks are never followed, so a link planted in a dump cannot reach outside it. */
    record OnDisk(Path path, long size) implements Content {
        static OnDisk of(Path path) throws IOException {
            return new OnDisk(path, Files.size(path));
        }

        @Override
        public InputStream stream() throws IOException {
            return Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public SeekableByteChannel channel() throws IOException {
            return Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** An entry read out of a container. */
    record InMemory(byte[] data) implements Content {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public SeekableByteChannel channel() {
            return new SeekableInMemoryByteChannel(data);
        }

        @Override
        public byte[] head(int max) {
            return Arrays.copyOf(data, Math.min(max, data.length));
        }

        @Override
        public byte[] bytes(long max) {
            return data.length > max ? null : data;
        }
    }
}
