package dossier.source;

import java.io.IOException;

/**
 * A format that holds other things (zip, mbox; later tar, gz, 7z, pst). Implementations send leaf inputs and problems
 * to the {@link Opener} and hand nested entries back to {@link Opener#open(Item)}, which sniffs and recurses.
 * Implementations are stateless.
 */
interface Container {
    /** Reads every entry of {@code item} in container order. An exception ends this container as one problem. */
    void open(Item item, Opener opener) throws IOException;
}
