package dossier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressTest {
    /** 2^k distinct addresses whose hash codes are all equal, as a hostile dump can write them. */
    static List<Address> colliding(int k) {
        List<Address> out = new ArrayList<>();
        for (int bits = 0; bits < 1 << k; bits++) {
            StringBuilder local = new StringBuilder();
            for (int i = 0; i < k; i++) local.append((bits >> i & 1) == 0 ? "b?" : "a^");
            out.add(new Address("", local + "@x.example"));
        }
        return out;
    }

    @Test
    void addressesThatShareAHashAreStillOrderedApart() {
        // A hash map keeps a bin of colliding keys as a tree, searched in log time, only when the keys are
        // comparable; otherwise every lookup compares the key with every address in the bin.
        List<Address> hostile = colliding(10);
        assertEquals(1, hostile.stream().mapToInt(Address::hashCode).distinct().count(), "the premise: one hash");
        for (int i = 1; i < hostile.size(); i++) {
            Address a = hostile.get(i - 1), b = hostile.get(i);
            assertNotEquals(0, a.compareTo(b));
            assertEquals(-Integer.signum(a.compareTo(b)), Integer.signum(b.compareTo(a)));
        }
        Map<Address, Integer> map = new HashMap<>();
        for (int i = 0; i < hostile.size(); i++) map.put(hostile.get(i), i);
        for (int i = 0; i < hostile.size(); i++) assertEquals(i, map.get(new Address("", hostile.get(i).address())));
    }

    @Test
    void orderIsByAddressThenName() {
        assertEquals(0, new Address("Ann", "A@X.example").compareTo(new Address(" Ann ", "a@x.example")));
        assertEquals(-1, Integer.signum(new Address("Zed", "a@x.example").compareTo(new Address("Ann", "b@x.example"))));
        assertEquals(-1, Integer.signum(new Address("Ann", "a@x.example").compareTo(new Address("Zed", "a@x.example"))));
    }

    @Test
    void anAddressWithAControlCharacterIsKeptAsANameWithNoAddress() {
        Address nul = new Address("", "a\0b@example.com");
        assertEquals("", nul.address(), "not an address, and not ab@example.com either");
        assertEquals("a\uFFFDb@example.com", nul.name());
        Address named = new Address("Ann\u0007", "ann\u001F@example.com");
        assertEquals("", named.address());
        assertEquals("Ann\uFFFD ann\uFFFD@example.com", named.name());
        assertEquals("Ann Lee", new Address("Ann\tLee", "ann@example.com").name(), "a tab is a space");
        assertEquals("ann@example.com", new Address("Ann\tLee", "ann@example.com").address());
    }
}
