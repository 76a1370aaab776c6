package dossier.model;

import java.util.List;

/**
 * What an email adds to an item. Header values are decoded (RFC 2047); {@code rawHeaders} keeps the header block as written.
 *
 * @param originalZone the zone of the Date header as written, e.g. {@code -0700}, or empty
 */
public record EmailFields(
        String messageId,
        List<Address> from,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        List<Address> replyTo,
        String inReplyTo,
        List<String> references,
        String subject,
        String rawHeaders,
        String plainBody,
        String htmlBody,
        String originalZone) {
    public EmailFields {
        messageId = messageId == null ? "" : messageId;
        from = List.copyOf(from == null ? List.of() : from);
        to = List.copyOf(to == null ? List.of() : to);
        cc = List.copyOf(cc == null ? List.of() : cc);
        bcc = List.copyOf(bcc == null ? List.of() : bcc);
        replyTo = List.copyOf(replyTo == null ? List.of() : replyTo);
        inReplyTo = inReplyTo == null ? "" : inReplyTo;
        references = List.copyOf(references == null ? List.of() : references);
        subject = subject == null ? "" : subject;
        rawHeaders = rawHeaders == null ? "" : rawHeaders;
        plainBody = plainBody == null ? "" : plainBody;
        htmlBody = htmlBody == null ? "" : htmlBody;
        originalZone = originalZone == null ? "" : originalZone;
    }
}
