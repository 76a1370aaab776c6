package dossier.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the third-party corpora ({@code ../shared/corpora} beside the checkout, or {@code $DOSSIER_CORPORA}).
 * Outside CI a missing corpus skips the test; in CI ({@code CI=true}) it fails, so a missing folder is never
 * mistaken for a pass.
 */
public final class Corpora {
    private Corpora() {}

    /** The corpora folder, or a skip/fail as above. */
    public static Path root() {
        String env = System.getenv("DOSSIER_CORPORA");
        if (env != null && Files.isDirectory(Path.of(env))) return Path.of(env);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) return candidate;
        }
        if ("true".equals(System.getenv("CI"))) fail("../shared/corpora is missing: corpus tests cannot run");
        assumeTrue(false, "../shared/corpora not found; corpus test skipped");
        return null;
    }

    /** One corpus folder, e.g. {@code enron-maildir/skilling-j}. */
    public static Path get(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) fail("corpus path missing: " + p);
        return p;
    }
}
