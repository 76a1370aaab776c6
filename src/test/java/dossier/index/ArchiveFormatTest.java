package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.model.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** archive.json's format version: what this build writes, which versions it reads, and the upgrade on append. */
class ArchiveFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    private Archive ingested(String... notes) throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        for (String n : notes) Files.write(dump.resolve(n + ".eml"), HostileFiles.email(n));
        Archive a = Archive.create(tmp.resolve("archive"), "t");
        new Ingest(new Ingest.Options(1, Limits.DEFAULT, 100, Ingest.Isolation.NONE))
                .run(a, List.of(dump), (f, b) -> Progress.silent());
        return a;
    }

    private static void setFormat(Archive a, int format) throws Exception {
        Path json = a.dir().resolve("archive.json");
        ObjectNode n = (ObjectNode) JSON.readTree(json.toFile());
        if (format < 0) n.remove("format");
        else n.put("format", format);
        JSON.writeValue(json.toFile(), n);
    }

    @Test
    void aNewArchiveHasThisBuildsFormat() throws Exception {
        Archive a = ingested("one");
        assertEquals(Archive.FORMAT, Archive.open(a.dir()).format());
        assertEquals(2, Archive.FORMAT, "bodies stored once: older readers must refuse these archives");
    }

    @Test
    void aNewerOrUnmarkedFormatIsAClearError() throws Exception {
        Archive a = ingested("one");
        setFormat(a, Archive.FORMAT + 1);
        var newer = assertThrows(Archive.ArchiveException.class, () -> Archive.open(a.dir()));
        assertTrue(newer.getMessage().contains("format version " + (Archive.FORMAT + 1)), newer.getMessage());
        assertTrue(newer.getMessage().contains("upgrade Dossier"), newer.getMessage());
        setFormat(a, -1);
        var none = assertThrows(Archive.ArchiveException.class, () -> Archive.open(a.dir()));
        assertTrue(none.getMessage().contains("format version (none)"), none.getMessage());
    }

    @Test
    void anOlderFormatIsReadAndMarkedWithTheNewOneBeforeAnythingIsAdded() throws Exception {
        Archive a = ingested("one", "two");
        setFormat(a, Archive.OLDEST_FORMAT);
        assertEquals(Archive.OLDEST_FORMAT, Archive.open(a.dir()).format(), "opened for reading: left as it is");
        assertEquals(2L, Archive.open(a.dir()).info().counts().get("emails"));

        try (ArchiveWriter w = ArchiveWriter.open(Archive.open(a.dir()))) {
            assertEquals(Archive.FORMAT, Archive.open(a.dir()).format(), "marked as soon as it is opened for writing");
            assertEquals(2L, Archive.open(a.dir()).info().counts().get("emails"), "counts kept");
        }
        Archive again = ingested("one", "two", "three");
        assertEquals(Archive.FORMAT, again.format());
        assertEquals(3L, again.info().counts().get("emails"));
    }
}
