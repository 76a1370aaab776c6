package dossier.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Like {@link #touch}, for names given as the shell's printf formats ({@code "bad\\376utf8.txt"} is the name with
     * the byte 0xFE): the shell makes them, since Java can name no file whose name is not text in its locale. Each
     * file holds its format, so no two are alike.
     */
    public static void touchBytes(Path root, String... formats) throws Exception {
        Files.createDirectories(root);
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "cd \"$1\" && shift && for f; do n=\"$(printf \"$f\")\"; mkdir -p \"$(dirname \"$n\")\"; "
                        + "printf %s \"$f\" > \"$n\" || exit 1; done", "sh", root.toString()));
        command.addAll(List.of(formats));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("sh could not make " + List.of(formats));
    }
}
