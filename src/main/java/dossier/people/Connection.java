package dossier.people;

import dossier.search.Hit;
import java.util.Map;

/**
 * Every email in which two people take part, or a person and a domain: how many, how many each sent the other, per
 * month, and a page of them, oldest first so the exchange reads in order. When either side is unknown, {@code a} or
 * {@code b} (and {@code domain}) are null and the connection is empty: a clear empty page, not an error.
 *
 * @param domain the domain when the second side is an organisation ({@code rand.org}), else null
 * @param aToB   emails sent by a with b (or someone at the domain) among the recipients
 */
public record Connection(PersonSummary a, PersonSummary b, String domain, long total, long aToB, long bToA,
                         Map<String, Long> months, Listing<Hit> emails) {
    /** True when nobody is connected: an unknown side, or no email between them. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return total == 0;
    }
}
