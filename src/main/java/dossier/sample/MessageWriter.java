package dossier.sample;

import dossier.sample.Company.Person;
import dossier.sample.Message.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Message} as RFC 5322 bytes: single text/plain, multipart/alternative with an HTML part, or
 * multipart/mixed with base64 attachments and forwarded messages. Boundaries derive from the message number,
 * so output is a pure function of the message. Stateless.
 */
final class MessageWriter {
    private MessageWriter() {}

    /**
     * @param withBcc whether to keep the Bcc header (only the sender's own copy has it)
     * @param newline "\n" for maildir and mbox files, "\r\n" for files saved by Windows mail programs
     */
    static byte[] render(Message m, boolean withBcc, String newline) {
        return text(m, withBcc, newline).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The message as a string of bytes (each char one octet: bodies are already transfer-encoded). */
    private static String text(Message m, boolean withBcc, String nl) {
        StringBuilder out = new StringBuilder(2048 + m.body().length() * 2);
        out.append(Mime.header("From", List.of(mailbox(m.from())), ", ", nl));
        out.append(Mime.header("To", mailboxes(m.to()), ", ", nl));
        if (!m.cc().isEmpty()) out.append(Mime.header("Cc", mailboxes(m.cc()), ", ", nl));
        if (withBcc && !m.bcc().isEmpty()) out.append(Mime.header("Bcc", mailboxes(m.bcc()), ", ", nl));
        out.append(Mime.textHeader("Subject", m.subject(), nl));
        out.append("Date: ").append(Mime.date(m.date())).append(nl);
        out.append("Message-ID: ").append(m.messageId()).append(nl);
        if (m.inReplyTo() != null) out.append("In-Reply-To: ").append(m.inReplyTo()).append(nl);
        if (!m.references().isEmpty()) out.append(Mime.header("References", m.references(), " ", nl));
        if (m.from().internal()) out.append("X-Mailer: Microsoft Outlook 14.0").append(nl);
        out.append("MIME-Version: 1.0").append(nl);

        String boundary = "----=_NextPart_" + String.format("%06d_%08X", m.number(), mix(m.number()));
        boolean mixed = !m.attachments().isEmpty() || m.forwarded() != null;
        if (!mixed) {
            bodyPart(out, m, boundary + "_alt", nl);
            return out.toString();
        }
        out.append("Content-Type: multipart/mixed;").append(nl).append("\tboundary=\"").append(boundary)
                .append('"').append(nl).append(nl);
        out.append("This is a multi-part message in MIME format.").append(nl).append(nl);
        out.append("--").append(boundary).append(nl);
        bodyPart(out, m, boundary + "_alt", nl);
        for (Attachment a : m.attachments()) {
            out.append(nl).append("--").append(boundary).append(nl);
            attachment(out, a, nl);
        }
        if (m.forwarded() != null) {
            out.append(nl).append("--").append(boundary).append(nl);
            out.append("Content-Type: message/rfc822").append(nl);
            out.append("Content-Disposition: attachment").append(nl).append(nl);
            out.append(text(m.forwarded(), false, nl));
        }
        out.append(nl).append("--").append(boundary).append("--").append(nl);
        return out.toString();
    }

    /** The text of the message: plain alone, or plain and HTML as alternatives. Starts at its own headers. */
    private static void bodyPart(StringBuilder out, Message m, String boundary, String nl) {
        if (!m.html()) {
            textPart(out, m, "plain", m.body(), nl);
            return;
        }
        out.append("Content-Type: multipart/alternative;").append(nl).append("\tboundary=\"").append(boundary)
                .append('"').append(nl).append(nl);
        out.append("--").append(boundary).append(nl);
        textPart(out, m, "plain", m.body(), nl);
        out.append(nl).append("--").append(boundary).append(nl);
        textPart(out, m, "html", html(m.body(), m.trackingPixel()), nl);
        out.append(nl).append("--").append(boundary).append("--").append(nl);
    }

    private static void textPart(StringBuilder out, Message m, String subtype, String text, String nl) {
        String charset = m.charset().name().toLowerCase(java.util.Locale.ROOT);
        out.append("Content-Type: text/").append(subtype).append("; charset=\"").append(charset).append('"').append(nl);
        if (Mime.isAscii(text)) {
            out.append("Content-Transfer-Encoding: 7bit").append(nl).append(nl);
            out.append(text.replace("\n", nl)).append(nl);
        } else if (!m.from().internal() && m.from().zone().getId().equals("Asia/Tokyo")) {
            // Japanese mailers send UTF-8 as base64.
            out.append("Content-Transfer-Encoding: base64").append(nl).append(nl);
            out.append(Mime.base64(text.replace("\n", "\r\n").getBytes(m.charset()), nl));
        } else {
            out.append("Content-Transfer-Encoding: quoted-printable").append(nl).append(nl);
            out.append(Mime.quotedPrintable(text, m.charset(), nl)).append(nl);
        }
    }

    private static void attachment(StringBuilder out, Attachment a, String nl) {
        String name = a.name();
        if (Mime.isAscii(name)) {
            out.append("Content-Type: ").append(a.contentType()).append(";").append(nl)
                    .append("\tname=\"").append(name).append('"').append(nl);
            out.append("Content-Disposition: attachment;").append(nl)
                    .append("\tfilename=\"").append(name).append('"').append(nl);
        } else {
            out.append("Content-Type: ").append(a.contentType()).append(";").append(nl)
                    .append("\tname=\"").append(Mime.encodedWords(name)).append('"').append(nl);
            out.append("Content-Disposition: attachment;").append(nl)
                    .append("\tfilename*=").append(Mime.rfc2231(name)).append(nl);
        }
        out.append("Content-Transfer-Encoding: base64").append(nl).append(nl);
        out.append(Mime.base64(a.bytes(), nl));
    }

    /** A simple Outlook-like HTML rendering of the plain text; quoted lines become a blockquote. */
    static String html(String plain, String trackingPixel) {
        StringBuilder out = new StringBuilder("<html>\n<head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=utf-8\"></head>\n<body>\n");
        boolean inQuote = false;
        for (String line : plain.split("\n", -1)) {
            boolean quoted = line.startsWith(">");
            if (quoted && !inQuote) out.append("<blockquote style=\"border-left:1px solid #ccc;padding-left:6px\">\n");
            if (!quoted && inQuote) out.append("</blockquote>\n");
            inQuote = quoted;
            String content = quoted ? line.replaceFirst("^>+ ?", "") : line;
            out.append(content.isEmpty() ? "<br>" : "<div>" + Mime.escapeHtml(content) + "</div>").append('\n');
        }
        if (inQuote) out.append("</blockquote>\n");
        if (trackingPixel != null) out.append("<img src=\"").append(trackingPixel).append("\" width=\"1\" height=\"1\">\n");
        return out.append("</body>\n</html>").toString();
    }

    private static String mailbox(Person p) {
        return Mime.mailbox(p.name(), p.email());
    }

    private static List<String> mailboxes(List<Person> people) {
        List<String> out = new ArrayList<>(people.size());
        for (Person p : people) out.add(mailbox(p));
        return out;
    }

    private static int mix(long n) {
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (int) (z ^ (z >>> 29));
    }
}
