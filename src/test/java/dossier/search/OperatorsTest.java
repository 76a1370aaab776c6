package dossier.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The help table and the parser agree. */
class OperatorsTest {
    private final QueryParser parser = new QueryParser();

    @Test
    void everyExampleInTheHelpParses() {
        for (Operators.Help h : Operators.HELP) assertDoesNotThrow(() -> parser.parse(h.example()), h.example());
        for (Operators.Help h : Operators.SYNTAX) assertDoesNotThrow(() -> parser.parse(h.example()), h.example());
    }

    @Test
    void everyOperatorIsKnownByNameInAnyCaseAndAlias() {
        for (Operators.Help h : Operators.HELP) {
            assertEquals(h.name(), Operators.canonical(h.name().toUpperCase(java.util.Locale.ROOT)));
            assertNotNull(h.syntax());
        }
        assertEquals("messageid", Operators.canonical("Message-ID"));
        assertEquals(null, Operators.canonical("http"));
    }
}
