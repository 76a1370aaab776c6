package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreaderTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2001-05-01T00:00:00Z").toEpochMilli();

    private static Threader.Email mail(long id, String mid, String irt, List<String> refs) {
        return new Threader.Email(id, mid, irt, refs, "subject " + id, T0 + id * 1000, new int[] {(int) id});
    }

    private static Threader.Email plain(long id, String subject, long day, int... people) {
        return new Threader.Email(id, "m" + id + "@x", "", List.of(), subject, T0 + day * DAY, people);
    }

    private static long[] thread(Threader.Email... emails) {
        return Threader.defaults().threads(List.of(emails));
    }

    @Test
    void replyChainIsOneThreadNamedByItsFirstEmail() {
        long[] t = thread(mail(1, "a", "", List.of()), mail(2, "b", "a", List.of("a")),
                mail(3, "c", "b", List.of("a", "b")), mail(4, "d", "", List.of()));
        assertArrayEquals(new long[] {1, 1, 1, 4}, t);
    }

    @Test
    void repliesToAMissingMessageShareAThread() {
        long[] t = thread(mail(5, "b", "gone", List.of("gone")), mail(6, "c", "", List.of("gone", "b")),
                mail(7, "d", "gone", List.of()));
        assertArrayEquals(new long[] {5, 5, 5}, t);
    }

    @Test
    void inReplyToAloneLinks() {
        assertArrayEquals(new long[] {1, 1}, thread(mail(1, "a", "", List.of()), mail(2, "b", "a", List.of())));
    }

    @Test
    void selfReferenceAndCyclesNeitherHangNorCrash() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long[] t = thread(mail(1, "a", "a", List.of("a")), mail(2, "b", "c", List.of("c")),
                    mail(3, "c", "b", List.of("b")), mail(4, "d", "e", List.of("d", "e", "d")),
                    mail(5, "e", "d", List.of("e", "d")));
            assertArrayEquals(new long[] {1, 2, 2, 4, 4}, t);
        });
    }

    @Test
    void duplicateMessageIdsKeepBothEmails() {
        long[] t = thread(mail(1, "a", "", List.of()), mail(2, "a", "", List.of()), mail(3, "b", "a", List.of("a")));
        assertEquals(1, t[0]);
        assertEquals(1, t[2]);
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Threader.Email> emails = new ArrayList<>();
        for (int i = 1; i <= 50; i++) emails.add(mail(i, "m" + i, i % 3 == 0 ? "" : "m" + (i / 2), List.of()));
        long[] expected = Threader.defaults().threads(emails);
        List<Threader.Email> shuffled = new ArrayList<>(emails);
        Collections.shuffle(shuffled, new java.util.Random(7));
        long[] got = Threader.defaults().threads(shuffled);
        for (int i = 0; i < shuffled.size(); i++) assertEquals(expected[(int) shuffled.get(i).id() - 1], got[i]);
    }

    @Test
    void headerlessReplyJoinsItsOriginalBySubjectAndParticipants() {
        long[] t = thread(plain(1, "Q3 budget", 0, 10, 11), plain(2, "RE: Q3 budget", 2, 11, 10),
                plain(3, "FW: RE: q3  BUDGET", 5, 10, 12));
        assertArrayEquals(new long[] {1, 1, 1}, t);
    }

    @Test
    void subjectFallbackNeedsOverlappingParticipants() {
        long[] t = thread(plain(1, "Lunch", 0, 10, 11), plain(2, "Re: Lunch", 1, 20, 21));
        assertArrayEquals(new long[] {1, 2}, t);
    }

    @Test
    void specificSubjectReplyJoinsTheOnlyOpenConversationWithoutSharedParticipants() {
        long[] t = thread(plain(1, "Dinner Monday, April 23", 0, 10, 11), plain(2, "Re: Dinner Monday, April 23", 1, 20, 21));
        assertArrayEquals(new long[] {1, 1}, t);
        long[] two = thread(plain(1, "Dinner Monday, April 23", 0, 10), plain(2, "Dinner Monday, April 23", 0, 30),
                plain(3, "Re: Dinner Monday, April 23", 1, 20));
        assertArrayEquals(new long[] {1, 2, 3}, two, "two open conversations: no guess");
    }

    @Test
    void subjectFallbackBridgesAtMostThirtyDays() {
        long[] t = thread(plain(1, "Status", 0, 10, 11), plain(2, "Re: Status", 45, 11, 10),
                plain(3, "Re: Status", 60, 10, 11));
        assertArrayEquals(new long[] {1, 2, 2}, t);
    }

    @Test
    void emailsWithoutReplyPrefixDoNotJoinBySubject() {
        long[] t = thread(plain(1, "Weekly report", 0, 10, 11), plain(2, "Weekly report", 7, 10, 11));
        assertArrayEquals(new long[] {1, 2}, t);
    }

    @Test
    void originalDatedAfterItsRepliesStillGathersThem() {
        long[] t = thread(plain(1, "Re: Call", 0, 10, 11), plain(2, "Call", 0, 11, 10), plain(3, "RE: Call", 1, 10, 11),
                plain(4, "Call", 3, 10, 11));
        assertArrayEquals(new long[] {1, 1, 1, 4}, t);
    }

    @Test
    void copiesOfAnOriginalUnderOtherMessageIdsShareItsThread() {
        long[] t = thread(plain(1, "Call", 0, 10, 11), plain(2, "Call", 0, 10, 11), plain(3, "RE: Call", 1, 10, 11));
        assertArrayEquals(new long[] {1, 1, 1}, t);
    }

    @Test
    void emailsWithReferencesNeverJoinBySubject() {
        long[] t = thread(plain(1, "Patch", 0, 10), new Threader.Email(2, "b", "elsewhere", List.of(), "Re: Patch",
                T0 + DAY, new int[] {10}));
        assertNotEquals(t[0], t[1]);
    }

    @Test
    void subjectsNormaliseListTagsAndPrefixes() {
        assertEquals("q3 budget", Subjects.key("RE: [ops] FW:  Q3   Budget"));
        assertEquals("q3 budget", Subjects.key("Aw: Re[2]: Q3 budget!"));
        assertEquals(true, Subjects.isReply("Fwd: x"));
        assertEquals(false, Subjects.isReply("[list] x"));
        assertEquals("", Subjects.key("Re: "));
        assertEquals("regards", Subjects.key("Regards"));
    }

    @Test
    void aLongChainThreadsFast() {
        List<Threader.Email> emails = new ArrayList<>();
        for (int i = 1; i <= 200_000; i++) {
            String parent = i == 1 ? "" : "m" + (i - 1);
            emails.add(new Threader.Email(i, "m" + i, parent, List.of(), "s", T0 + i, new int[] {i % 97}));
        }
        long[] t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Threader.defaults().threads(emails));
        assertEquals(1, t[199_999]);
    }

    @Test
    void forgettingQuietConversationsKeepsTheOpenOnes() {
        // Thousands of one-off subjects make the threader drop conversations quiet for longer than the window; one
        // still open must keep gathering its replies, one gone quiet must not.
        List<Threader.Email> emails = new ArrayList<>();
        emails.add(plain(1, "Pipeline capacity", 0, 10, 11));
        emails.add(plain(2, "Quarterly numbers", 0, 10, 11));
        for (int i = 3; i < 5000; i++) emails.add(plain(i, "one-off " + i, i / 100, 20 + i));
        emails.add(plain(5000, "Re: Pipeline capacity", 29, 11, 10));
        emails.add(plain(5001, "Re: Quarterly numbers", 45, 11, 10));
        long[] t = Threader.defaults().threads(emails);
        assertEquals(1, t[4999]);
        assertEquals(5001, t[5000]);
    }
}
