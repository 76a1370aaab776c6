package dossier.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;
import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * Writes an Outlook message (from a PST or a {@code .msg}) as RFC 5322 bytes, so the one mail parser reads every
 * email the same way. The original transport headers are kept when Outlook stored them, minus the fields that
 * describe a body structure we rebuild; otherwise From, To, Cc, Bcc, Subject, Date and Message-ID are written from
 * the message's properties. Bodies are UTF-8 and files base64-encoded, embedded messages {@code message/rfc822}.
 * The output is a function of the input alone (boundaries are hashes of the content), so ids stay deterministic.
 *
 * <pre>{@code
 * byte[] eml = MimeWriter.write(new MimeWriter.Mail(null, "Ann <ann@x.org>", List.of("bob@x.org"), List.of(),
 *         List.of(), "Hi", instant, "<1@x.org>", "Hello", "", List.of()));
 * }</pre>
 * Stateless and thread-safe.
 */
public final class MimeWriter {
    private MimeWriter() {}

    /**
     * One message to write.
     *
     * @param transportHeaders the original RFC 822 header block as Outlook kept it, or null/blank when it did not
     * @param from             the sender as an address field value ({@code "Name" <a@b>}), or null
     * @param to               recipients, each an address field value
     * @param subject          the subject, or null
     * @param date             when it was sent or received, or null
     * @param messageId        the Message-ID with its angle brackets, or null
     * @param plain            the plain text body, or null
     * @param html             the HTML body, or null
     * @param parts            attachments and embedded messages, in order
     */
    public record Mail(String transportHeaders, String from, List<String> to, List<String> cc, List<String> bcc,
                       String subject, Instant date, String messageId, String plain, String html, List<Part> parts) {
        public Mail {
            to = List.copyOf(to == null ? List.of() : to);
            cc = List.copyOf(cc == null ? List.of() : cc);
            bcc = List.copyOf(bcc == null ? List.of() : bcc);
            parts = List.copyOf(parts == null ? List.of() : parts);
        }
    }

    /** An attachment: a file, or a message written by {@link #write}. */
    public sealed interface Part permits FilePart, MessagePart {}

    /** A file attached to a message; {@code mimeType} may be null. */
    public record FilePart(String name, String mimeType, byte[] bytes) implements Part {
        public FilePart {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A message attached to a message, already as RFC 5322 bytes. */
    public record MessagePart(String name, byte[] message) implements Part {
        public MessagePart {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Fields our own body structure replaces. */
    private static final List<String> STRUCTURE_FIELDS =
            List.of("content-type", "content-transfer-encoding", "mime-version", "content-disposition");

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The message as RFC 5322 bytes with CRLF line ends. */
    public static byte[] write(Mail m) {
        Out out = new Out();
        if (m.transportHeaders() != null && !m.transportHeaders().isBlank()) {
            keptFields(m.transportHeaders()).forEach(out::line);
        } else {
            field(out, "From", m.from());
            field(out, "To", String.join(", ", m.to()));
            field(out, "Cc", String.join(", ", m.cc()));
            field(out, "Bcc", String.join(", ", m.bcc()));
            if (m.subject() != null && !m.subject().isEmpty()) {
                out.line("Subject: " + EncoderUtil.encodeIfNecessary(clean(m.subject()), EncoderUtil.Usage.TEXT_TOKEN, 9));
            }
            if (m.date() != null) out.line("Date: " + RFC_5322.format(m.date()));
            field(out, "Message-ID", m.messageId());
        }
        out.line("MIME-Version: 1.0");
        body(out, m);
        return out.bytes();
    }

    private static void body(Out out, Mail m) {
        boolean hasPlain = m.plain() != null && !m.plain().isEmpty();
        boolean hasHtml = m.html() != null && !m.html().isEmpty();
        if (m.parts().isEmpty()) {
            text(out, m, hasPlain, hasHtml);
            return;
        }
        String boundary = boundary("mixed", m);
        out.line("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"").line("");
        if (hasPlain || hasHtml) {
            out.line("--" + boundary);
            text(out, m, hasPlain, hasHtml);
        }
        for (Part p : m.parts()) {
            out.line("--" + boundary);
            switch (p) {
                case FilePart f -> {
                    String type = f.mimeType() == null || !f.mimeType().contains("/") ? "application/octet-stream"
                            : clean(f.mimeType()).strip();
                    String name = f.name() == null || f.name().isBlank() ? null : clean(f.name());
                    out.line("Content-Type: " + type + (name == null ? "" : "; " + param("name", name)));
                    out.line("Content-Disposition: attachment" + (name == null ? "" : "; " + param("filename", name)));
                    out.line("Content-Transfer-Encoding: base64").line("");
                    out.raw(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(f.bytes()));
                    out.line("");
                }
                case MessagePart e -> {
                    out.line("Content-Type: message/rfc822");
                    String name = e.name() == null || e.name().isBlank() ? null : clean(e.name());
                    out.line("Content-Disposition: attachment" + (name == null ? "" : "; " + param("filename", name)));
                    out.line("");
                    out.raw(e.message());
                    out.line("");
                }
            }
        }
        out.line("--" + boundary + "--");
    }

    /** The text bodies: one part, or multipart/alternative when there are both. */
    private static void text(Out out, Mail m, boolean hasPlain, boolean hasHtml) {
        if (hasPlain && hasHtml) {
            String boundary = boundary("alt", m);
            out.line("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"").line("");
            out.line("--" + boundary);
            textPart(out, "plain", m.plain());
            out.line("--" + boundary);
            textPart(out, "html", m.html());
            out.line("--" + boundary + "--");
        } else {
            textPart(out, hasHtml ? "html" : "plain", hasHtml ? m.html() : hasPlain ? m.plain() : "");
        }
    }

    private static void textPart(Out out, String subtype, String text) {
        out.line("Content-Type: text/" + subtype + "; charset=utf-8");
        out.line("Content-Transfer-Encoding: base64").line("");
        out.raw(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encode(text.getBytes(StandardCharsets.UTF_8)));
        out.line("");
    }

    /** Plain text of an RTF body (Outlook keeps some bodies only as RTF); empty when there is none or it cannot be read. */
    public static String rtfText(String rtf) {
        if (rtf == null || rtf.isBlank()) return "";
        try {
            RTFEditorKit kit = new RTFEditorKit();
            Document doc = kit.createDefaultDocument();
            kit.read(new StringReader(rtf), doc, 0);
            return doc.getText(0, doc.getLength()).strip();
        } catch (IOException | BadLocationException | RuntimeException e) {
            return "";
        }
    }

    /** A parameter in RFC 2231 form when it is not plain ASCII. */
    private static String param(String name, String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        StringBuilder b = new StringBuilder(name).append("*=utf-8''");
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) b.append((char) c);
            else b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
        }
        return b.toString();
    }

    private static void field(Out out, String name, String value) {
        if (value == null || value.isBlank()) return;
        out.line(name + ": " + clean(value).strip());
    }

    /** No CR or LF inside a header value: a property holding one would otherwise start a new field. */
    private static String clean(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').replace("\0", "");
    }

    /**
     * The transport header block as lines, without the fields our body structure replaces (with their continuation
     * lines) and without the blank line that ends it.
     */
    static List<String> keptFields(String headers) {
        List<String> kept = new ArrayList<>();
        boolean dropping = false;
        for (String line : headers.split("\r?\n|\r")) {
            if (line.isEmpty()) {
                if (kept.isEmpty() && !dropping) continue; // leading blank lines
                break; // the end of the header block
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (!continuation) {
                int colon = line.indexOf(':');
                String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
                dropping = colon <= 0 || STRUCTURE_FIELDS.contains(name);
            } else if (kept.isEmpty()) {
                dropping = true;
            }
            if (!dropping) kept.add(line.replace("\0", ""));
        }
        return kept;
    }

    /** A boundary no part can contain: a hash of everything the message holds. */
    private static String boundary(String kind, Mail m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.US_ASCII));
            for (String s : new String[] {m.transportHeaders(), m.subject(), m.plain(), m.html()}) {
                if (s != null) sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Part p : m.parts()) {
                sha.update(switch (p) {
                    case FilePart f -> f.bytes();
                    case MessagePart e -> e.message();
                });
            }
            return "=_dossier_" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A byte buffer that writes header and boundary lines with CRLF. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out line(String s) {
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {'\r', '\n'});
            return this;
        }

        void raw(byte[] b) {
            bytes.writeBytes(b);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
