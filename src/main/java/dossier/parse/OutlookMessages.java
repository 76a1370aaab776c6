package dossier.parse;

import dossier.model.Limits;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.source.MimeWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.ByteChunk;
import org.apache.poi.hsmf.datatypes.Chunks;
import org.apache.poi.hsmf.datatypes.RecipientChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;

/**
 * Reads Outlook {@code .msg} files (OLE2, Apache POI's HSMF) as emails: the message is written as RFC 5322 bytes by
 * {@link MimeWriter} (transport headers when Outlook kept them, else From, To, Cc, Subject, Date from its
 * properties; plain, HTML or RTF body; attachments; embedded .msg as {@code message/rfc822}), parsed by the mail
 * parser, and the item keeps the original .msg bytes. Thread-safe.
 */
final class OutlookMessages {
    static final String MSG_TYPE = "application/vnd.ms-outlook";
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private OutlookMessages() {}

    /** Whether the bytes are an Outlook message: an OLE2 file Tika calls {@value #MSG_TYPE}. */
    static boolean isMsg(byte[] bytes, String name) {
        return isMsg(bytes, () -> TextExtractor.detect(bytes, name));
    }

    /** {@link #isMsg(byte[], String)} with Tika's type of the bytes, asked only for an OLE2 file. */
    static boolean isMsg(byte[] bytes, Supplier<String> type) {
        if (bytes.length < OLE2.length || !Arrays.equals(bytes, 0, OLE2.length, OLE2, 0, OLE2.length)) return false;
        return MSG_TYPE.equals(type.get());
    }

    /** The email item of a .msg at nesting depth {@code depth}, with the .msg as its original bytes. */
    static Parsed parse(MailParser mail, String source, String name, byte[] msg, int depth, List<Problem> problems)
            throws IOException {
        byte[] mime = toMime(msg, mail.limits(), depth, source, problems);
        Parsed p = mail.parse(source, name, mime, depth, problems);
        return new Parsed(p.kind(), p.source(), p.name(), msg, p.title(), p.date(), p.text(), MSG_TYPE, p.language(),
                p.email(), p.meta(), p.children(), p.htmlText());
    }

    /** The message as RFC 5322 bytes. */
    static byte[] toMime(byte[] msg, Limits limits, int depth, String source, List<Problem> problems)
            throws IOException {
        MAPIMessage m = new MAPIMessage(new ByteArrayInputStream(msg));
        return toMime(m, limits, depth, source, problems);
    }

    private static byte[] toMime(MAPIMessage m, Limits limits, int depth, String source, List<Problem> problems)
            throws IOException {
        m.setReturnNullOnMissingChunk(true);
        m.guess7BitEncoding(); // 8-bit strings without a declared code page: use the message's own
        Chunks main = m.getMainChunks();
        String headers = null;
        try {
            String[] lines = m.getHeaders();
            if (lines != null && lines.length > 0) headers = String.join("\r\n", lines);
        } catch (ChunkNotFoundException e) {
            headers = null;
        }
        Set<String> cc = names(get(main.getDisplayCCChunk())), bcc = names(get(main.getDisplayBCCChunk()));
        List<String> toList = new ArrayList<>(), ccList = new ArrayList<>(), bccList = new ArrayList<>();
        for (RecipientChunks r : m.getRecipientDetailsChunks()) {
            String nameOf = r.getRecipientName();
            String address = mailbox(nameOf, r.getRecipientEmailAddress());
            if (address == null) continue;
            String key = nameOf == null ? "" : nameOf.strip();
            (cc.contains(key) ? ccList : bcc.contains(key) ? bccList : toList).add(address);
        }
        String plain = get(main.getTextBodyChunk());
        String html = html(main);
        if (blank(plain) && blank(html)) plain = MimeWriter.rtfText(rtf(m));
        return MimeWriter.write(new MimeWriter.Mail(headers,
                mailbox(get(main.getDisplayFromChunk()), get(main.getEmailFromChunk())), toList, ccList, bccList,
                get(main.getSubjectChunk()), date(m), messageId(get(main.getMessageId())), plain, html,
                parts(m, limits, depth, source, problems)));
    }

    private static List<MimeWriter.Part> parts(MAPIMessage m, Limits limits, int depth, String source,
            List<Problem> problems) {
        List<MimeWriter.Part> parts = new ArrayList<>();
        AttachmentChunks[] files = m.getAttachmentFiles();
        for (int i = 0; i < files.length; i++) {
            AttachmentChunks a = files[i];
            String name = get(a.getAttachLongFileName());
            if (blank(name)) name = get(a.getAttachFileName());
            if (blank(name)) name = get(a.getAttachDisplayName());
            try {
                if (a.isEmbeddedMessage()) {
                    if (depth + 1 > limits.maxDepth()) {
                        problems.add(new Problem(source, Problem.LIMIT, "messages nested deeper than " + limits.maxDepth()));
                        continue;
                    }
                    byte[] inner = toMime(a.getEmbeddedMessage(), limits, depth + 1, source, problems);
                    parts.add(new MimeWriter.MessagePart(name, inner));
                    continue;
                }
                ByteChunk data = a.getAttachData();
                byte[] bytes = data != null ? data.getValue() : a.getEmbeddedAttachmentObject();
                if (bytes == null) continue; // an attachment by reference or an OLE object POI cannot give as bytes
                if (bytes.length > limits.maxFileBytes()) {
                    problems.add(new Problem(source, Problem.LIMIT, "attachment " + (i + 1) + " larger than "
                            + limits.maxFileBytes() + " bytes"));
                    continue;
                }
                parts.add(new MimeWriter.FilePart(name, get(a.getAttachMimeTag()), bytes));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(source, Problem.PARSE, "cannot read attachment " + (i + 1) + ": "
                        + Problem.reasonOf(e)));
            }
        }
        return parts;
    }

    private static String html(Chunks main) {
        String html = get(main.getHtmlBodyChunkString());
        if (!blank(html)) return html;
        ByteChunk binary = main.getHtmlBodyChunkBinary();
        return binary == null || binary.getValue() == null ? null
                : Charsets.decode(binary.getValue(), null);
    }

    private static String rtf(MAPIMessage m) {
        try {
            return m.getRtfBody();
        } catch (ChunkNotFoundException | RuntimeException e) {
            return null;
        }
    }

    private static Instant date(MAPIMessage m) {
        try {
            Calendar c = m.getMessageDate();
            return c == null ? null : c.toInstant();
        } catch (ChunkNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** Display names from a "A; B; C" list, as the recipient table spells them. */
    private static Set<String> names(String list) {
        if (blank(list)) return Set.of();
        return Arrays.stream(list.split(";")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String mailbox(String name, String address) {
        String a = isSmtp(address) ? address.strip() : null;
        String n = blank(name) ? null : org.apache.james.mime4j.codec.EncoderUtil.encodeAddressDisplayName(
                name.strip().replace('\n', ' '));
        if (a == null) return n;
        return n == null || name.strip().toLowerCase(Locale.ROOT).equals(a.toLowerCase(Locale.ROOT)) ? a : n + " <" + a + ">";
    }

    /** An Internet address; Exchange's own ({@code /O=ORG/OU=.../CN=KEVIN.ROAST@BEN}) is not one. */
    static boolean isSmtp(String address) {
        return address != null && address.contains("@") && !address.strip().startsWith("/")
                && address.strip().chars().noneMatch(Character::isWhitespace);
    }

    private static String messageId(String id) {
        if (blank(id)) return null;
        String s = id.strip();
        return s.startsWith("<") ? s : "<" + s + ">";
    }

    private static String get(StringChunk chunk) {
        return chunk == null ? null : chunk.getValue();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
