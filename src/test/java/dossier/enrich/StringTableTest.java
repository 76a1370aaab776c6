package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {
    @Test
    void numbersDistinctStringsInTheOrderFirstAddedAndGivesThemBack() {
        StringTable t = new StringTable();
        Map<String, Integer> expected = new HashMap<>();
        List<String> all = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 300_000; i++) { // some 7 million chars: several chunks
            String s = i % 3 == 0 && i > 0 ? all.get(r.nextInt(all.size())) : "first.last" + r.nextInt(1_000_000) + "@d" + (i % 5000) + ".example";
            Integer known = expected.putIfAbsent(s, expected.size());
            if (known == null) all.add(s);
            assertEquals(expected.get(s), t.add(s));
        }
        assertEquals(all.size(), t.size());
        for (int id = 0; id < all.size(); id++) {
            assertEquals(all.get(id), t.get(id));
            assertEquals(id, t.find(all.get(id)));
            assertEquals(all.get(id).length(), t.length(id));
        }
        assertEquals(-1, t.find("never.added@example.com"));
    }

    @Test
    void keepsEmptyLongAndUnicodeStrings() {
        StringTable t = new StringTable();
        String huge = "x".repeat(StringTable.CHUNK_CHARS + 5), unicode = "Müller 山田 \uD83D\uDE00 \uFFFD";
        assertEquals(0, t.add(""));
        assertEquals(1, t.add(huge));
        assertEquals(2, t.add(unicode));
        assertEquals(3, t.add("after the long one"));
        assertEquals(List.of("", huge, unicode, "after the long one"), List.of(t.get(0), t.get(1), t.get(2), t.get(3)));
        assertEquals(1, t.find(huge));
        assertEquals(-1, t.find(huge + "y"));
    }

    /** Strings whose {@link String#hashCode} is the same ("Aa" and "BB" hash alike) stay apart and are found. */
    @Test
    void stringsThatShareAJavaHashAreStillOneEach() {
        StringTable t = new StringTable();
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 1 << 14; i++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 14; bit++) b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            same.add(b.toString());
        }
        assertEquals(1, same.stream().mapToInt(String::hashCode).distinct().count());
        for (int i = 0; i < same.size(); i++) assertEquals(i, t.add(same.get(i)));
        for (int i = 0; i < same.size(); i++) assertEquals(i, t.find(same.get(i)));
    }

    @Test
    void aTableWithoutAnIndexStoresEveryStringAnew() {
        StringTable t = new StringTable(false);
        assertEquals(0, t.add("same"));
        assertEquals(1, t.add("same"));
        assertEquals(2, t.add(""));
        assertEquals(List.of("same", "same", ""), List.of(t.get(0), t.get(1), t.get(2)));
        assertEquals('a', t.charAt(1, 1));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> t.find("same"));
    }

    @Test
    void comparesAsStringCompareToDoes() {
        StringTable t = new StringTable();
        String[] s = {"", "a", "ab", "b", "B", "é", "\uE000", "\uD83D\uDE00", "\uFFFD", "abc", "ab\u0000"};
        for (String x : s) t.add(x);
        for (int a = 0; a < s.length; a++) {
            for (int b = 0; b < s.length; b++) {
                assertEquals(Integer.signum(s[a].compareTo(s[b])), Integer.signum(t.compare(a, b)), s[a] + " vs " + s[b]);
            }
        }
    }
}
