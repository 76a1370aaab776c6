package dossier.enrich;

/**
 * Resolves N correspondents and prints {@code people N}, or what went wrong: run by {@link IdentitiesMemoryTest} in a
 * JVM of its own with a small heap. Each correspondent is "Robin Q followed by consonants" at an address that spells the name; every tenth
 * also writes from a second address that spells it too (rule 2 merges them), and the name of every tenth (plus one) is
 * also seen with no address (rule 3 joins it): N people in all.
 */
public final class IdentitiesInSmallHeap {
    private IdentitiesInSmallHeap() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Identities ids = new Identities();
        for (int i = 0; i < n; i++) {
            String last = last(i);
            ids.observe("Robin " + last, "robin." + last.toLowerCase() + "@d" + i % 5000 + ".example", 2);
            if (i % 10 == 0) ids.observe("Robin " + last, "r" + last.toLowerCase() + "@other.example", 1);
            if (i % 10 == 1) ids.observe("Robin " + last, "", 1);
        }
        Identities.Resolution r = ids.resolve();
        for (int i = 0; i < n; i += 997) {
            String last = last(i);
            int p = r.personOf("", "robin." + last.toLowerCase() + "@d" + i % 5000 + ".example");
            if (p < 0) throw new AssertionError("no person for " + last);
            if (i % 10 == 0 && r.personOf("", "r" + last.toLowerCase() + "@other.example") != p) throw new AssertionError("not merged: " + last);
            if (i % 10 == 1 && r.personOf("Robin " + last, "") != p) throw new AssertionError("not joined: " + last);
            Identities.Person person = r.people().get(p);
            if (!person.name().equals("Robin " + last)) throw new AssertionError("named " + person.name());
        }
        System.out.println("people " + r.people().size());
    }

    /** Consonants: no word of a generic address (team, all, news) or of a name's suffix (ii, jr) can be spelled. */
    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";

    /** A last name of consonants only, one per number: Qbbbbb, Qbbbbc, ... */
    private static String last(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 5; k++, i /= LETTERS.length()) b.append(LETTERS.charAt(i % LETTERS.length()));
        return "Q" + b.reverse();
    }
}
