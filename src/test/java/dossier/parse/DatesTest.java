package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {
    private static void assertDate(String expectedUtc, String expectedZone, String header) {
        Dates.Stamp s = Dates.parse(header);
        assertEquals(Instant.parse(expectedUtc), s == null ? null : s.instant(), header);
        assertEquals(expectedZone, s.zone(), header);
    }

    /**
     * Fuzzed dates: a day followed by 100,000 NULs, or by a token of NULs ending in a digit. Read by a pattern, such a
     * token took time in the square of its length (minutes for the whole header); only the first
     * {@value Dates#LONGEST} characters are read now, each once. Without that this test does not end.
     */
    @Test
    void aDateOfHostileLengthIsReadFromItsStart() {
        assertDate("2015-12-29T09:00:00Z", "", "Tue, 29 Dec 2015 09:00 " + "\0".repeat(100_000) + "1");
        assertDate("2015-12-29T00:00:00Z", "", "Tue, 29 Dec 2015 09" + "\0".repeat(100_000) + "1");
        assertDate("2001-05-09T20:19:00Z", "-0700", "Wed, 9 May 2001 13:19:00 -0700 (" + "\0".repeat(100_000));
        assertDate("2000-01-13T00:00:00Z", "", "13th Jan 2000." + " ".repeat(300) + "Feb 1999");
    }

    @Test
    void rfc5322DateWithZoneCommentIsReadInUtc() {
        assertDate("2000-12-13T15:05:00Z", "-0800", "Wed, 13 Dec 2000 07:05:00 -0800 (PST)");
    }

    @Test
    void missingSecondsAndMissingDayNameAreAccepted() {
        assertDate("2002-07-02T19:00:00Z", "-0700", "2 Jul 2002 12:00 -0700");
    }

    @Test
    void namedZonesGiveTheirOffset() {
        assertDate("2001-05-14T23:39:00Z", "-0700", "Mon, 14 May 2001 16:39:00 PDT");
        assertDate("2001-01-05T14:00:00Z", "-0500", "Fri, 5 Jan 2001 09:00:00 EST");
        assertDate("2001-01-05T09:00:00Z", "+0000", "Fri, 5 Jan 2001 09:00:00 GMT");
    }

    @Test
    void twoDigitYearsFollowRfc5322() {
        assertDate("2000-12-13T15:05:00Z", "-0800", "Wed, 13 Dec 00 07:05:00 -0800");
        assertDate("1999-12-13T15:05:00Z", "-0800", "Mon, 13 Dec 99 07:05:00 -0800");
    }

    @Test
    void asctimeIsoAndGmtOffsetFormsAreRead() {
        assertDate("2001-03-04T05:06:07Z", "", "Sun Mar  4 05:06:07 2001");
        assertDate("2001-03-04T04:06:07Z", "+0100", "2001-03-04T05:06:07+01:00");
        assertDate("2001-03-04T04:06:07Z", "+0100", "Sun, 4 Mar 2001 05:06:07 GMT+0100");
    }

    @Test
    void extraTextAroundTheDateIsIgnored() {
        assertDate("2000-12-13T15:05:00Z", "-0800", "  Wed,  13  Dec  2000  07:05:00  -0800 (Pacific Standard Time) ");
    }

    @Test
    void unreadableDatesAreNull() {
        assertNull(Dates.parse("next Tuesday"));
        assertNull(Dates.parse(""));
        assertNull(Dates.parse(null));
        assertNull(Dates.parse("Wed, 31 Feb 2001 07:05:00 -0800"));
    }

    @Test
    void placeholderDatesFarOutsideTheAgeOfMailAreNull() {
        assertNull(Dates.parse("Fri, 31 Dec 9999 23:59:59 -1200"));
        assertNull(Dates.parse("Mon, 1 Jan 1900 00:00:00 +0000"));
        assertNull(Dates.parse("Sat, 1 Jan 2100 00:00:00 +0000"));
        assertNull(Dates.parse("Thu, 1 Jan 1903 00:00:00 +0000"));
        assertDate("1970-01-01T00:00:00Z", "-0500", "Wed, 31 Dec 1969 19:00:00 -0500");
        assertDate("2099-12-31T23:59:59Z", "+0000", "Thu, 31 Dec 2099 23:59:59 +0000");
        assertDate("2003-01-01T00:00:00Z", "+0000", "Wed, 1 Jan 103 00:00:00 +0000"); // RFC 5322: 1900 + 103
        // Enron's client wrote 2001 as 0001 (skilling-j/inbox/748.).
        assertDate("2001-05-30T21:10:06Z", "-0800", "Mon, 30 May 0001 13:10:06 -0800 (PST)");
    }
}
