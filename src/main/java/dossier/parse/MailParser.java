package dossier.parse;

import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.Parsed;
import dossier.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of one RFC 5322 message into an email item: decoded envelope, plain and HTML bodies, and children
 * for attachments (text by Tika) and embedded messages (parsed recursively up to {@link Limits#maxDepth()}).
 * Plain text and HTML bodies never go through Tika, which keeps a plain email to a few microseconds. Thread-safe.
 */
final class MailParser {
    static final String MESSAGE = "message/rfc822";

    private final Limits limits;
    private final Extract tika;

    /** A parser for one input: {@code tika} reads its attachments within the input's deadline. */
    MailParser(Limits limits, Extract tika) {
        this.limits = limits;
        this.tika = tika;
    }

    Limits limits() {
        return limits;
    }

    /**
     * Parses a message at nesting depth {@code depth} (0 for a message that stands alone).
     *
     * @param problems receives what went wrong on the way; the item is returned all the same
     */
    Parsed parse(String source, String name, byte[] bytes, int depth, List<Problem> problems) throws IOException {
        int headerEnd = headerEnd(bytes);
        byte[] input = bytes, header = bytes;
        int headerLen = headerEnd;
        if (headerEnd > limits.maxHeaderBytes()) {
            HeaderCut.Cut cut = HeaderCut.cut(bytes, headerEnd, limits.maxHeaderBytes());
            problems.add(new Problem(source, Problem.LIMIT,
                    "header block of " + headerEnd + " bytes cut at " + limits.maxHeaderBytes() + cut.detail()));
            header = cut.header();
            headerLen = header.length;
            input = withHeader(header, bytes, headerEnd);
        }
        String rawHeaders = Charsets.isValidUtf8(header, 0, headerLen)
                ? new String(header, 0, headerLen, StandardCharsets.UTF_8)
                : new String(header, 0, headerLen, StandardCharsets.ISO_8859_1);

        PartCollector message = PartCollector.read(new ByteArrayInputStream(input), limits.maxDepth());
        if (message.tooDeep()) {
            problems.add(new Problem(source, Problem.LIMIT, "MIME parts nested deeper than " + limits.maxDepth()
                    + ": the parts inside are not read"));
        }
        if (message.unclosed() != null) problems.add(unclosed(source, message.unclosed()));
        Headers h = message.header();
        h.hint(headerCharset(h, message.parts()));
        StringBuilder plain = new StringBuilder(), html = new StringBuilder();
        List<Parsed> children = new ArrayList<>();
        int attachments = 0;
        int partNumber = 0;
        for (PartCollector.Part part : message.parts()) {
            Interruption.check(); // tens of thousands of attachments take minutes: an abandoned parse stops here
            partNumber++;
            String filename = filename(part.headers());
            if (part.damage() != null) problems.add(damaged(source, partNumber, part, filename));
            String disposition = Params.parse(part.headers().get("Content-Disposition")).type();
            String type = part.mimeType().toLowerCase(Locale.ROOT);
            boolean body = filename == null && !disposition.equals("attachment")
                    && (type.equals("text/plain") || type.equals("text/html"));
            if (body) {
                String charset = Params.parse(part.headers().get("Content-Type")).get("charset");
                append(type.equals("text/html") ? html : plain, Charsets.decode(part.content(), charset));
            } else {
                int n = ++attachments;
                String childSource = source + "#attachment/" + n;
                String childName = filename != null ? filename : "attachment-" + n;
                if (type.equals(MESSAGE)) {
                    children.add(embedded(childSource, filename, part.content(), depth, problems));
                } else {
                    children.addAll(attachment(childSource, childName, type, part.content(), depth, problems));
                }
            }
        }

        String subject = EncodedWords.decode(h.get("Subject")).strip();
        Dates.Stamp date = Envelope.date(h);
        EmailFields email = new EmailFields(
                Envelope.id(h.get("Message-ID")),
                Envelope.from(h),
                Envelope.addresses(h, "To"),
                Envelope.addresses(h, "Cc"),
                Envelope.addresses(h, "Bcc"),
                Envelope.addresses(h, "Reply-To"),
                Envelope.id(h.get("In-Reply-To")),
                Envelope.ids(h.get("References")),
                subject,
                rawHeaders,
                plain.toString(),
                html.toString(),
                date == null ? "" : date.zone());
        // Mailers send most HTML mail as multipart/alternative with a plain part that need not say what the HTML says
        // (spam above all: "view this in HTML"); the words only the HTML holds are searched too. The plain part stays
        // the text, the one shown, cut into snippets and told its language.
        String text = !plain.isEmpty() ? plain.toString() : HtmlText.of(html.toString());
        String htmlText = htmlText(email.plainBody(), email.htmlBody());
        if (htmlText.length() > limits.maxTextChars()) {
            problems.add(new Problem(source, Problem.EXTRACT, "HTML text cut at " + limits.maxTextChars()
                    + " characters"));
            htmlText = htmlText.substring(0, limits.maxTextChars());
        }
        // Only the text is cut: it is what is analysed and indexed, and that cost grows with its length. The plain and
        // HTML bodies are stored whole, bounded only by maxFileBytes, because they are the email as its reader sees
        // it (show, the item page, the API and exports); a cut would break HTML mid-tag and drop the images an HTML
        // body carries inline as data: URIs, which are what make most bodies past 20 million chars.
        if (text.length() > limits.maxTextChars()) {
            problems.add(new Problem(source, Problem.EXTRACT, "text cut at " + limits.maxTextChars() + " characters"));
            text = text.substring(0, limits.maxTextChars());
        }
        return new Parsed(Kind.EMAIL, source, name, bytes, subject, date == null ? null : date.instant(), text,
                MESSAGE, Languages.detect(text), email, DocMeta.NONE, children, htmlText);
    }

    /**
     * The items of an attached file: an Outlook .msg is an email; a TNEF winmail.dat is the files it carries (kept
     * whole when it holds none or cannot be read); anything else is one attachment.
     */
    private List<Parsed> attachment(String source, String name, String type, byte[] content, int depth,
            List<Problem> problems) {
        if (Tnef.isTnef(content)) {
            try {
                List<Parsed> files = Tnef.unpack(source, content, limits, tika, problems);
                if (!files.isEmpty()) return files;
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(source, Problem.EXTRACT, "cannot unpack TNEF: " + Problem.reasonOf(e)));
            }
        } else if (depth + 1 <= limits.maxDepth() && OutlookMessages.isMsg(content, name)) {
            try {
                return List.of(OutlookMessages.parse(this, source, name, content, depth + 1, problems));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(source, Problem.PARSE, "cannot read Outlook message: " + Problem.reasonOf(e)));
            }
        }
        return List.of(Attachments.of(source, name, content, tika, problems));
    }

    /** A message inside a message: a child email, or past the depth limit an attachment kept unread. */
    private Parsed embedded(String source, String filename, byte[] content, int depth, List<Problem> problems)
            throws IOException {
        if (depth + 1 > limits.maxDepth()) {
            problems.add(new Problem(source, Problem.LIMIT, "message nested deeper than " + limits.maxDepth()));
            return new Parsed(Kind.ATTACHMENT, source, filename, content, filename, null, "", MESSAGE, "", null,
                    DocMeta.NONE, List.of(), "");
        }
        return parse(source, filename, content, depth + 1, problems);
    }

    /** The HTML body as text when there is a plain body too ({@link Parsed#htmlText}), else empty; not cut. */
    static String htmlText(String plain, String html) {
        return !plain.isEmpty() && !html.isEmpty() ? HtmlText.of(html) : "";
    }

    /**
     * The problem of a part whose transfer encoding was damaged: the email and what could be decoded are kept, but the
     * part's text or file may be garbled or short. Parts are counted from 1 in message order, bodies included.
     */
    private static Problem damaged(String source, int number, PartCollector.Part part, String filename) {
        String what = part.mimeType().toLowerCase(Locale.ROOT) + (filename == null ? "" : ", " + filename);
        String encoding = part.encoding().isEmpty() ? "transfer encoding" : part.encoding();
        return new Problem(source, Problem.PARSE, "bad " + encoding + " in part " + number + " (" + what + "): "
                + part.damage());
    }

    /**
     * The problem of a multipart that ended before its closing boundary. Most such mail is whole (spam tools and list
     * footers leave the boundary out: 52 of SpamAssassin's 5,964 emails), so the reason says what is missing and
     * what it may mean, not that the message was cut.
     */
    private static Problem unclosed(String source, PartCollector.Multipart m) {
        String type = m.mimeType.toLowerCase(Locale.ROOT);
        if (m.parts > 0) {
            return new Problem(source, Problem.PARSE, type + " ends without its closing boundary: the message may be"
                    + " cut short and its last part incomplete");
        }
        return new Problem(source, Problem.PARSE, type + " has no parts: its boundary never appears"
                + (m.blank() ? "" : ", so its body is read as plain text"));
    }

    /** The charset raw 8-bit header text is most likely in: the top or the first text part's declared charset. */
    private static Charset headerCharset(Headers top, List<PartCollector.Part> parts) {
        Charset cs = Charsets.forRawHeaders(Params.parse(top.get("Content-Type")).get("charset"));
        for (int i = 0; cs == null && i < parts.size(); i++) {
            cs = Charsets.forRawHeaders(Params.parse(parts.get(i).headers().get("Content-Type")).get("charset"));
        }
        return cs;
    }

    /** The part's file name: Content-Disposition filename, else Content-Type name; without folders; null if none. */
    static String filename(Headers h) {
        String f = Params.parse(h.get("Content-Disposition")).get("filename");
        if (f == null || f.isBlank()) f = Params.parse(h.get("Content-Type")).get("name");
        if (f == null || f.isBlank()) return null;
        f = f.strip();
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        String base = slash >= 0 && slash < f.length() - 1 ? f.substring(slash + 1) : f;
        return base.isBlank() ? null : base;
    }

    private static void append(StringBuilder body, String text) {
        if (!body.isEmpty()) body.append("\n\n");
        body.append(text);
    }

    /** Length of the header block: up to the first empty line, or the whole input when there is none. */
    static int headerEnd(byte[] b) {
        int lineStart = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\n') continue;
            int len = i - lineStart;
            if (len == 0 || len == 1 && b[lineStart] == '\r') return lineStart;
            lineStart = i + 1;
        }
        return b.length;
    }

    /** The message with {@code header} in place of its header block, so mime4j never holds a giant header. */
    private static byte[] withHeader(byte[] header, byte[] b, int headerEnd) {
        int bodyStart = Math.min(b.length, skipBlankLine(b, headerEnd));
        byte[] out = Arrays.copyOf(header, header.length + 2 + (b.length - bodyStart));
        out[header.length] = '\r';
        out[header.length + 1] = '\n';
        System.arraycopy(b, bodyStart, out, header.length + 2, b.length - bodyStart);
        return out;
    }

    private static int skipBlankLine(byte[] b, int at) {
        if (at < b.length && b[at] == '\r') at++;
        if (at < b.length && b[at] == '\n') at++;
        return at;
    }
}
