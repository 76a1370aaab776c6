package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentitiesTest {
    @Test
    void skillingsEnronFormsAreOnePerson() {
        Identities ids = new Identities();
        ids.observe("Jeff Skilling", "jeff.skilling@enron.com", 40);
        ids.observe("\"Skilling, Jeff\"", "JEFF.SKILLING@ENRON.COM", 5);
        ids.observe("Jeffrey K Skilling", "jeff.skilling@enron.com");
        ids.observe("Jeff Skilling/HOU/ECT@ECT", "");
        ids.observe("SKILLING, JEFF", "");
        ids.observe("Jeffrey K Skilling", "");
        ids.observe("Jeff Skilling", "jskilling@enron.net", 2);
        Identities.Resolution r = ids.resolve();
        int p = r.personOf("", "jeff.skilling@enron.com");
        assertEquals(p, r.personOf("Jeff Skilling/HOU/ECT@ECT", ""));
        assertEquals(p, r.personOf("Skilling, Jeff", ""));
        assertEquals(p, r.personOf("Jeffrey K Skilling", ""));
        assertEquals(p, r.personOf("", "jskilling@enron.net"));
        Identities.Person person = r.people().get(p);
        assertEquals("jeff.skilling@enron.com", person.key());
        assertEquals("Jeff Skilling", person.name());
        assertEquals(1, r.people().size());
    }

    @Test
    void anAddressWrittenWithManyNamesCountsEachAndShowsTheMostUsed() {
        // Past eight names a node looks its names up in a map instead of its arrays: counts must add up either way.
        Identities ids = new Identities();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) ids.observe("Sender Number" + (char) ('a' + i), "offers@spam.example", 1);
        }
        ids.observe("Sender Numberq", "offers@spam.example", 10);
        ids.observe("Sender Numberc", "OFFERS@SPAM.EXAMPLE", 4);
        Identities.Resolution r = ids.resolve();
        assertEquals(1, r.people().size());
        Identities.Person p = r.people().get(0);
        assertEquals("Sender Numberq", p.name());
        assertEquals(20, p.names().size());
        assertEquals(List.of("Sender Numberq", "Sender Numberc", "Sender Numbera"), p.names().subList(0, 3));
        assertEquals(0, r.personOf("Sender Numberk", "offers@spam.example"));
    }

    @Test
    void manyCorrespondentsAreEachFoundAgain() {
        // 20,000 distinct addresses, each of which must find its own person again; an address and a name spelled
        // alike ("zed") are two nodes, and their people two keys.
        Identities ids = new Identities();
        int n = 20_000;
        for (int i = 0; i < n; i++) ids.observe("Sender " + i, "sender" + i + "@spam" + (i % 7) + ".example", 1 + i % 3);
        ids.observe("", "zed");
        ids.observe("zed", "");
        Identities.Resolution r = ids.resolve();
        assertEquals(n + 2, r.people().size());
        for (int i = 0; i < n; i++) {
            Identities.Person p = r.people().get(r.personOf("Sender " + i, "SENDER" + i + "@spam" + (i % 7) + ".example"));
            assertEquals(List.of("sender" + i + "@spam" + (i % 7) + ".example"), p.addresses());
            assertEquals("Sender " + i, p.name());
        }
        assertEquals("zed", r.people().get(r.personOf("", "zed")).key());
        assertEquals("zed-2", r.people().get(r.personOf("zed", "")).key());
    }

    @Test
    void addressesThatShareAHashAreEachTheirOwnPerson() {
        // 2^12 addresses with one String hash code, as a hostile dump can write them ("b?" and "a^" hash alike).
        Identities ids = new Identities();
        List<String> hostile = new java.util.ArrayList<>();
        for (int bits = 0; bits < 1 << 12; bits++) {
            StringBuilder local = new StringBuilder();
            for (int i = 0; i < 12; i++) local.append((bits >> i & 1) == 0 ? "b?" : "a^");
            hostile.add(local + "@x.example");
        }
        assertEquals(1, hostile.stream().mapToInt(String::hashCode).distinct().count(), "the premise: one hash");
        for (String a : hostile) ids.observe("", a);
        Identities.Resolution r = ids.resolve();
        assertEquals(hostile.size(), r.people().size());
        for (String a : hostile) assertEquals(List.of(a), r.people().get(r.personOf("", a)).addresses());
    }

    @Test
    void aNameUsedForTwoThirdsOfAManyNamedAddressVouchesForIt() {
        // The address does not spell the name, so only the dominant name links "Dana Whitfield" without an address
        // to it; that needs her 20 uses summed, one observation at a time, after nine other names.
        Identities ids = new Identities();
        for (int i = 0; i < 9; i++) ids.observe("Sender Number" + (char) ('a' + i), "offers@spam.example");
        for (int i = 0; i < 20; i++) ids.observe("Dana Whitfield", "offers@spam.example");
        ids.observe("Dana Whitfield", "");
        Identities.Resolution r = ids.resolve();
        assertEquals(r.personOf("", "offers@spam.example"), r.personOf("Dana Whitfield", ""));
        assertEquals("Dana Whitfield", r.people().get(r.personOf("", "offers@spam.example")).name());
    }

    @Test
    void twoJeffsWhoOnlyShareAFirstNameStayApart() {
        Identities ids = new Identities();
        ids.observe("Jeff Skilling", "jeff.skilling@enron.com");
        ids.observe("Jeff Dasovich", "jeff.dasovich@enron.com");
        ids.observe("Jeff", "");
        ids.observe("Jeff", "jeff@aol.com");
        Identities.Resolution r = ids.resolve();
        assertEquals(4, r.people().size());
        assertNotEquals(r.personOf("", "jeff.skilling@enron.com"), r.personOf("", "jeff.dasovich@enron.com"));
        assertNotEquals(r.personOf("Jeff", ""), r.personOf("", "jeff.skilling@enron.com"));
    }

    @Test
    void sameNameWithAddressesThatDoNotSpellItDoesNotMerge() {
        Identities ids = new Identities();
        ids.observe("John Smith", "john.smith@enron.com");
        ids.observe("John Smith", "bigboss@example.com");
        Identities.Resolution r = ids.resolve();
        assertEquals(2, r.people().size());
    }

    @Test
    void differentMiddleInitialsKeepNameOnlyParticipantsApart() {
        Identities ids = new Identities();
        ids.observe("John A Smith", "john.a.smith@enron.com");
        ids.observe("John B Smith", "");
        Identities.Resolution r = ids.resolve();
        assertNotEquals(r.personOf("John B Smith", ""), r.personOf("", "john.a.smith@enron.com"));
    }

    @Test
    void ambiguousNameOnlyParticipantStaysItsOwnPerson() {
        Identities ids = new Identities();
        ids.observe("Mark Taylor", "mark.taylor@enron.com");
        ids.observe("Mark Taylor", "mark.taylor@aol.com"); // merged: both spell the name
        ids.observe("Mark Taylor", "mtaylor@dynegy.com");   // merged as well (flast)
        ids.observe("Susan Bailey", "susan.bailey@enron.com");
        ids.observe("Susan Bailey", "sbailey@other.com");
        ids.observe("Susan Bailey", "");
        Identities.Resolution r = ids.resolve();
        assertEquals(r.personOf("", "mark.taylor@enron.com"), r.personOf("", "mtaylor@dynegy.com"));
        assertEquals(r.personOf("Susan Bailey", ""), r.personOf("", "susan.bailey@enron.com"));
    }

    @Test
    void nameOnlyWithTwoCandidatePeopleIsNotGuessed() {
        Identities ids = new Identities();
        ids.observe("Chris Long", "clong@acme.com");
        ids.observe("Chris Long", "chris@long-family.org"); // opaque local part: dominant name only
        ids.observe("Chris Long", "");
        Identities.Resolution r = ids.resolve();
        // clong spells the name and the other does not, so the spelled one wins
        assertEquals(r.personOf("", "clong@acme.com"), r.personOf("Chris Long", ""));
        assertNotEquals(r.personOf("", "clong@acme.com"), r.personOf("", "chris@long-family.org"));
    }

    @Test
    void genericAddressesNeverMerge() {
        Identities ids = new Identities();
        ids.observe("Enron Announcements", "enron.announcements@enron.com");
        ids.observe("Jeff Skilling", "noreply@enron.com");
        ids.observe("Jeff Skilling", "jeff.skilling@enron.com");
        ids.observe("Enron Announcements", "");
        Identities.Resolution r = ids.resolve();
        assertNotEquals(r.personOf("", "noreply@enron.com"), r.personOf("", "jeff.skilling@enron.com"));
        assertNotEquals(r.personOf("Enron Announcements", ""), r.personOf("", "enron.announcements@enron.com"));
        assertTrue(Identities.isGeneric("enron.announcements@enron.com"));
        assertTrue(Identities.isGeneric("info@rand.org"));
        assertTrue(Identities.isGeneric("owner-linux-kernel@vger.kernel.org"));
        assertFalse(Identities.isGeneric("jeff.skilling@enron.com"));
        assertTrue(r.people().get(r.personOf("", "noreply@enron.com")).generic());
    }

    @Test
    void assistantWritingFromTheBossAccountDoesNotLendHerName() {
        Identities ids = new Identities();
        ids.observe("Jeff Skilling", "jeff.skilling@enron.com", 50);
        ids.observe("Sherri Sera", "jeff.skilling@enron.com", 3);
        ids.observe("Sherri Sera", "");
        Identities.Resolution r = ids.resolve();
        assertNotEquals(r.personOf("Sherri Sera", ""), r.personOf("", "jeff.skilling@enron.com"));
    }

    @Test
    void nameOnlyPeopleGetSlugKeys() {
        Identities ids = new Identities();
        ids.observe("Kenneth Lay@ENRON", "");
        ids.observe("Kenneth Lay/Corp/Enron@ENRON", "");
        Identities.Resolution r = ids.resolve();
        assertEquals(1, r.people().size());
        assertEquals("kenneth-lay", r.people().get(0).key());
        assertEquals("Kenneth Lay", r.people().get(0).name());
    }

    @Test
    void namesParseLotusAndCommaForms() {
        assertEquals("jeff skilling", Names.parse("\"Skilling, Jeff\"").key());
        assertEquals("jeffrey skilling", Names.parse("Jeffrey K Skilling").key());
        assertEquals("k", Names.parse("Jeffrey K Skilling").middle());
        assertEquals("jose marquez", Names.parse("José Márquez/Enron@EnronXGate").key());
        assertEquals(null, Names.parse("Outlook Migration Team"));
        assertEquals(null, Names.parse("jeff.skilling@enron.com"));
        assertEquals(null, Names.parse("Jeff"));
        assertEquals("Jeff Skilling", Names.display("Skilling, Jeff"));
        assertTrue(Names.localPartMatches("jeff.skilling@enron.com", Names.parse("Jeff Skilling")));
        assertTrue(Names.localPartMatches("jskilling@enron.com", Names.parse("Jeff Skilling")));
        assertTrue(Names.localPartMatches("skilling.jeff@enron.com", Names.parse("Jeff Skilling")));
        assertTrue(Names.localPartMatches("jeffrey.k.skilling@x.com", Names.parse("Jeffrey K Skilling")));
        assertFalse(Names.localPartMatches("skilling@enron.com", Names.parse("Jeff Skilling")));
        assertTrue(Names.localPartMatches("jskilli@enron.com", Names.parse("Jeff Skilling")));
        assertFalse(Names.localPartMatches("jskil@enron.com", Names.parse("Jeff Skilling")));
        assertFalse(Names.localPartMatches("jeff.dasovich@enron.com", Names.parse("Jeff Skilling")));
    }
}
