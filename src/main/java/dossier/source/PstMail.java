package dossier.source;

import com.pff.PSTAppointment;
import com.pff.PSTAttachment;
import com.pff.PSTContact;
import com.pff.PSTException;
import com.pff.PSTMessage;
import com.pff.PSTRecipient;
import dossier.model.Limits;
import dossier.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;
import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * Turns one message of a PST into RFC 5322 bytes through {@link MimeWriter}: transport headers when Outlook kept them,
 * else headers from the message's properties; plain, HTML or (failing both) RTF body as text; attachments as files and
 * embedded messages (attach method 5) as {@code message/rfc822} parts, recursively. Contacts and appointments without a
 * body get one listing their fields, so they can be found. Not thread-safe; one per message.
 */
final class PstMail {
    /** Where a problem met on the way goes: source, stage, reason. */
    interface Problems {
        void problem(String source, String stage, String reason);
    }

    private final Limits limits;
    private final Problems problems;

    PstMail(Limits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    byte[] toMime(PSTMessage m, String source, int depth) throws IOException, PSTException {
        List<String> to = new ArrayList<>(), cc = new ArrayList<>(), bcc = new ArrayList<>();
        for (int i = 0; i < m.getNumberOfRecipients(); i++) {
            PSTRecipient r = m.getRecipient(i);
            String address = mailbox(r.getDisplayName(), smtp(r.getSmtpAddress(), r.getEmailAddress()));
            if (address == null) continue;
            (switch (r.getRecipientType()) {
                case PSTRecipient.MAPI_CC -> cc;
                case PSTRecipient.MAPI_BCC -> bcc;
                default -> to;
            }).add(address);
        }
        String plain = m.getBody();
        String html = m.getBodyHTML();
        if (blank(plain) && blank(html)) plain = MimeWriter.rtfText(m.getRTFBody());
        if (blank(plain) && blank(html)) plain = summary(m);
        return MimeWriter.write(new MimeWriter.Mail(m.getTransportMessageHeaders(),
                mailbox(m.getSenderName(), smtp(null, m.getSenderEmailAddress())), to, cc, bcc, m.getSubject(),
                date(m), messageId(m.getInternetMessageId()), plain, html, parts(m, source, depth)));
    }

    private List<MimeWriter.Part> parts(PSTMessage m, String source, int depth) throws IOException, PSTException {
        List<MimeWriter.Part> parts = new ArrayList<>();
        for (int i = 0; i < m.getNumberOfAttachments(); i++) {
            PSTAttachment a = m.getAttachment(i);
            String name = !blank(a.getLongFilename()) ? a.getLongFilename() : a.getFilename();
            String where = source + " attachment " + (i + 1) + (blank(name) ? "" : " (" + name + ")");
            try {
                if (a.getAttachMethod() == PSTAttachment.ATTACHMENT_METHOD_EMBEDDED) {
                    if (depth + 1 > limits.maxDepth()) {
                        problems.problem(source, Problem.LIMIT, "messages nested deeper than " + limits.maxDepth());
                        continue;
                    }
                    PSTMessage embedded = a.getEmbeddedPSTMessage();
                    if (embedded != null) parts.add(new MimeWriter.MessagePart(name, toMime(embedded, source, depth + 1)));
                    continue;
                }
                byte[] bytes;
                try (InputStream in = a.getFileInputStream()) {
                    if (in == null) continue; // attached by reference: the file is elsewhere
                    bytes = Bounded.read(in, limits.maxFileBytes());
                }
                if (bytes == null) {
                    problems.problem(where, Problem.LIMIT, "attachment larger than " + limits.maxFileBytes() + " bytes");
                } else {
                    parts.add(new MimeWriter.FilePart(name, a.getMimeTag(), bytes));
                }
            } catch (IOException | PSTException | RuntimeException e) {
                problems.problem(where, Problem.SOURCE, "cannot read attachment: " + Opener.reason(e));
            }
        }
        return parts;
    }

    private static Instant date(PSTMessage m) {
        for (Date d : new Date[] {m.getClientSubmitTime(), m.getMessageDeliveryTime(), m.getCreationTime()}) {
            if (d != null && d.getTime() > 0) return d.toInstant();
        }
        return null;
    }

    /** An SMTP address, if any: Exchange-internal addresses ({@code /O=ENRON/OU=NA/CN=...}) are not one. */
    private static String smtp(String smtp, String address) {
        if (isSmtp(smtp)) return smtp.strip();
        return isSmtp(address) ? address.strip() : null;
    }

    private static boolean isSmtp(String a) {
        return a != null && a.contains("@") && !a.strip().startsWith("/") && a.strip().chars().noneMatch(Character::isWhitespace);
    }

    /** An address field value; the bare name when there is no address; null when there is neither. */
    private static String mailbox(String name, String address) {
        String n = blank(name) ? null : EncoderUtil.encodeAddressDisplayName(name.strip().replace('\n', ' '));
        if (address == null) return n;
        return n == null || name.strip().equalsIgnoreCase(address) ? address : n + " <" + address + ">";
    }

    private static String messageId(String id) {
        if (blank(id)) return null;
        String s = id.strip();
        return s.startsWith("<") ? s : "<" + s + ">";
    }

    /** The fields of a contact or appointment, one per line, for items that have no body. */
    private static String summary(PSTMessage m) {
        StringJoiner lines = new StringJoiner("\n");
        if (m instanceof PSTContact c) {
            for (String s : new String[] {c.getGivenName() + " " + c.getSurname(), c.getCompanyName(),
                    c.getEmail1EmailAddress(), c.getEmail2EmailAddress(), c.getPrimaryTelephoneNumber(),
                    c.getBusinessTelephoneNumber(), c.getMobileTelephoneNumber(), c.getHomeTelephoneNumber(),
                    c.getBusinessAddressStreet(), c.getBusinessAddressCity(), c.getBusinessAddressCountry()}) {
                if (!blank(s) && !s.equals("null null")) lines.add(s.strip());
            }
        } else if (m instanceof PSTAppointment a) {
            if (!blank(a.getLocation())) lines.add("Location: " + a.getLocation().strip());
            if (a.getStartTime() != null) lines.add("Start: " + a.getStartTime().toInstant());
            if (a.getEndTime() != null) lines.add("End: " + a.getEndTime().toInstant());
            if (!blank(a.getAllAttendees())) lines.add("Attendees: " + a.getAllAttendees().strip());
        }
        return lines.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
