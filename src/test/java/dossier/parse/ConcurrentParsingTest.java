package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dossier.model.Parsed;
import dossier.model.RawInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentParsingTest {
    private static final List<String> FIXTURES = List.of("lotus-notes.eml", "alternative.eml", "html-only.eml",
            "attachment-rfc2231.eml", "nested.eml", "truncated.eml", "undeclared-8bit.eml", "raw-8bit-subject.eml");

    private static String summary(Parsed p) {
        StringBuilder s = new StringBuilder(p.title()).append('|').append(p.text()).append('|').append(p.date());
        for (Parsed c : p.children()) s.append('|').append(c.name()).append(':').append(c.text());
        return s.toString();
    }

    @Test
    void oneParserServesManyThreadsWithTheSameResults() throws Exception {
        List<String> expected = FIXTURES.stream().map(f -> summary(Fixtures.email(f).item())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> last = null;
                    for (int i = 0; i < 25; i++) {
                        last = FIXTURES.stream().map(f -> summary(Fixtures.PARSER.parse(
                                new RawInput("mail/" + f, f, RawInput.Hint.EMAIL, Fixtures.bytes(f))).item())).toList();
                        assertEquals(expected, last);
                    }
                    return last;
                }));
            }
            for (Future<List<String>> r : runs) assertEquals(expected, r.get());
        } finally {
            pool.shutdown();
        }
    }
}
