package dossier.people;

import java.util.Map;

/**
 * A domain and its people ({@code rand.org}, with subdomains such as {@code mail.rand.org}): how many emails someone
 * at it takes part in, per month, and its people by volume.
 */
public record Organisation(String domain, long emails, Map<String, Long> months, Listing<PersonSummary> people) {}
