package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cache of address terms follows the heap, so that a small heap is not spent on it. */
class AddressTermsMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void oneAddressIsKeptPer64KBOfHeapBetween1024And65536() {
        assertEquals(32_768, AddressTerms.keptAtMost(2048 * MB)); // the launcher's default heap
        assertEquals(2_400, AddressTerms.keptAtMost(150 * MB));
        assertEquals(1_024, AddressTerms.keptAtMost(32 * MB));
        assertEquals(65_536, AddressTerms.keptAtMost(16_384 * MB));
    }
}
