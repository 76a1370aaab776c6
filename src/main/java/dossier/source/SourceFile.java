package dossier.source;

import java.nio.file.Path;

/**
 * One top-level file of the dump.
 *
 * @param path    where it is on disk
 * @param display the path recorded in the archive: from the folder holding the SOURCE argument, with {@code /}
 *                separators ({@code ingest /data/sony} gives {@code sony/lists/dev.mbox}), each name's bytes that are
 *                not UTF-8 escaped ({@link FileNames})
 * @param size    its size in bytes
 */
public record SourceFile(Path path, String display, long size) {}
