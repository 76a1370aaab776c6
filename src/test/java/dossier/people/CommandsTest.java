package dossier.people;

import static dossier.testutil.Cli.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.cli.Main;
import dossier.testutil.Corpora;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real people, connections and show commands over an ingested LKML maildir. */
class CommandsTest {
    @TempDir Path tmp;

    @Test
    void peopleConnectionsAndShowPrintJson() throws Exception {
        Path archive = tmp.resolve("a");
        assertEquals(0, Main.run("ingest", "--archive", archive.toString(), Corpora.get("nasty-mime/notmuch/lkml").toString()));
        ObjectMapper json = new ObjectMapper();

        JsonNode people = json.readTree(out("people", "--archive", archive.toString(), "--format", "json", "--limit", "5"));
        assertTrue(people.path("total").asLong() > 5);
        assertEquals(5, people.path("hits").size());
        JsonNode first = people.path("hits").path(0), second = people.path("hits").path(1);
        assertTrue(first.path("emails").asLong() >= second.path("emails").asLong(), "by volume");

        JsonNode filtered = json.readTree(out("people", "--archive", archive.toString(), "--format", "json",
                first.path("key").asText().substring(0, 4)));
        assertTrue(filtered.path("total").asLong() >= 1);

        JsonNode c = json.readTree(out("connections", "--archive", archive.toString(), "--format", "json",
                first.path("key").asText(), second.path("key").asText()));
        assertEquals(c.path("total").asLong(), c.path("emails").path("total").asLong());
        assertTrue(c.path("emails").path("hits").size() > 0 || c.path("total").asLong() == 0);

        JsonNode unknown = json.readTree(out("connections", "--archive", archive.toString(), "--format", "json",
                "nobody@example.org", first.path("key").asText()));
        assertEquals(0, unknown.path("total").asLong());

        JsonNode item = json.readTree(out("show", "--archive", archive.toString(), "--format", "json", "1"));
        assertTrue(item.path("thread").asLong() > 0, "show --format json carries the thread: " + item.path("thread"));
        assertEquals(0, Main.run("people", "--help"));
        assertEquals(0, Main.run("connections", "--help"));
    }
}
