package dossier.parse;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.RawInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the hand-written fixtures in src/test/resources/parse and parses them. */
final class Fixtures {
    private Fixtures() {}

    static final Parser PARSER = new Parser(Limits.DEFAULT);

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a fixture as the maildir source would hand it over. */
    static ParseResult email(String name) {
        return PARSER.parse(new RawInput("mail/" + name, name, RawInput.Hint.EMAIL, bytes(name)));
    }
}
