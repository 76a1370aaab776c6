package dossier.source;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, plus helpers to open one file or byte array the way the ingest does. */
final class Collected implements InputSink {
    final List<RawInput> inputs = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    @Override
    public void input(RawInput input) {
        inputs.add(input);
    }

    @Override
    public void problem(Problem problem) {
        problems.add(problem);
    }

    /** Opens a file whose display path is its name. */
    static Collected open(Path file, Limits limits) {
        Collected c = new Collected();
        new Sources(limits).open(new SourceFile(file, file.getFileName().toString(), 0), c);
        return c;
    }

    /** Writes bytes to {@code dir/name} and opens them with display path {@code name}. */
    static Collected open(Path dir, String name, byte[] bytes, Limits limits) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Collected c = new Collected();
        new Sources(limits).open(new SourceFile(file, name, bytes.length), c);
        return c;
    }

    static Collected open(Path dir, String name, String text) throws IOException {
        return open(dir, name, text.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT);
    }

    List<String> sources() {
        return inputs.stream().map(RawInput::source).toList();
    }

    String text(int i) {
        return new String(inputs.get(i).bytes(), StandardCharsets.UTF_8);
    }
}
