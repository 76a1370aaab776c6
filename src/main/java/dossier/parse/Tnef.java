package dossier.parse;

import dossier.model.Limits;
import dossier.model.Parsed;
import dossier.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Unpacks a TNEF attachment ({@code winmail.dat}, {@code application/ms-tnef}: what Outlook sends instead of plain
 * MIME attachments) into the files it carries, with Apache POI's HMEF. Each file becomes an attachment of the email,
 * with the locator {@code mail.eml#attachment/2#report.doc}: inside the email's second part, the file of that name.
 * Thread-safe.
 */
final class Tnef {
    private Tnef() {}

    /** Whether the bytes are TNEF: its signature, whatever the name (winmail.dat, .DTF, .tnef) or declared type. */
    static boolean isTnef(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0x78 && (b[1] & 0xff) == 0x9f && (b[2] & 0xff) == 0x3e
                && (b[3] & 0xff) == 0x22;
    }

    /**
     * The files inside, each an attachment item; empty when the TNEF holds none (then the caller keeps the part as
     * it is). A damaged TNEF throws. POI reads the container here; each file's text comes from {@code tika}, the
     * input's extractor, so it is isolated like any attachment's.
     */
    static List<Parsed> unpack(String source, byte[] tnef, Limits limits, Extract tika, List<Problem> problems)
            throws IOException {
        HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(tnef));
        List<Parsed> files = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int index = 0;
        for (Attachment a : message.getAttachments()) {
            index++;
            String name = a.getLongFilename();
            if (name == null || name.isBlank()) name = a.getFilename();
            if (name == null || name.isBlank()) name = "attachment-" + index;
            name = name.strip().replace('/', '_').replace('\\', '_').replace('#', '_');
            int n = seen.merge(name, 1, Integer::sum);
            String locator = source + "#" + (n == 1 ? name : name + " (" + n + ")");
            byte[] content = a.getContents();
            if (content == null) content = new byte[0];
            if (content.length > limits.maxFileBytes()) {
                problems.add(new Problem(locator, Problem.LIMIT, "larger than " + limits.maxFileBytes() + " bytes"));
                continue;
            }
            files.add(Attachments.of(locator, name, content, tika, problems));
        }
        return files;
    }
}
