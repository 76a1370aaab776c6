package dossier.source;

import dossier.model.Problem;
import dossier.model.RawInput;

/** Receives what a source file holds, in container order. Called from one thread per file. */
public interface InputSink {
    /** One input to parse. */
    void input(RawInput input);

    /** Something in the file that could not be read (a bad zip entry, an oversize member, an unreadable file). */
    void problem(Problem problem);
}
