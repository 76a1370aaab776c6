package dossier.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folder trees for listing tests. */
public final class Trees {
    private Trees() {}

    /** Writes each named file under {@code root} (folders made as needed), its own name as its content. */
    public static void touch(Path root, String... names) throws Exception {
        for (String name : names) {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name);
        }
    }
}
