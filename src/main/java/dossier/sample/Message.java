package dossier.sample;

import dossier.sample.Company.Person;
import java.nio.charset.Charset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One synthetic email before it is rendered to bytes.
 *
 * @param body plain text with '\n' line ends; the HTML alternative, when {@code html}, is derived from it
 * @param forwarded an earlier message attached whole as message/rfc822, or null
 * @param trackingPixel a remote image URL in the HTML part (newsletters), or null
 */
record Message(long number, String messageId, Person from, List<Person> to, List<Person> cc, List<Person> bcc,
        String subject, ZonedDateTime date, String inReplyTo, List<String> references, String body, boolean html,
        Charset charset, List<Attachment> attachments, Message forwarded, String trackingPixel) {

    /** A file attached to a message; its bytes are shared across every message that carries it. */
    record Attachment(String name, String contentType, byte[] bytes) {}
}
