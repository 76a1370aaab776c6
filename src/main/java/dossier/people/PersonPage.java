package dossier.people;

import dossier.index.PeopleStore;
import dossier.search.Hit;
import java.util.List;
import java.util.Map;

/**
 * Everything a person's page shows: the summary, every name they were written as, their strongest correspondents,
 * the domains they wrote to, their emails per month ({@code "2001-05" → 120}, in month order) and a page of their
 * emails, newest first.
 */
public record PersonPage(PersonSummary person, List<String> names, List<PeopleStore.Correspondent> correspondents,
                         List<PeopleStore.DomainCount> domains, Map<String, Long> months, Listing<Hit> emails) {}
