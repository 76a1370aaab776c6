package dossier.people;

import dossier.index.PeopleStore;
import java.util.List;

/**
 * A person as the directory lists them: the key of their page, display name, every address (most used first), and
 * how many emails they took part in, sent and received, between {@code first} and {@code last} (ISO instants, or
 * null when no email had a date).
 *
 * @param generic a shared or system mailbox (info@, noreply@, announcements), never merged with anyone
 */
public record PersonSummary(String key, String name, List<String> addresses, long emails, long sent, long received,
                            String first, String last, boolean generic) {
    static PersonSummary of(PeopleStore.Summary s) {
        return new PersonSummary(s.key(), s.name(), s.addresses(), s.emails(), s.sent(), s.received(), s.first(),
                s.last(), s.generic());
    }
}
