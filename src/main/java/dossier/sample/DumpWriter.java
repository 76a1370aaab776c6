package dossier.sample;

import dossier.sample.Company.Person;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Files messages and documents into the dump folder and counts what it wrote. Mail goes to a maildir per
 * employee ({@code mail/<key>/<folder>/cur/<n>.eml}), list posts to {@code lists/<list>.mbox}. Not thread-safe.
 */
final class DumpWriter implements Closeable {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private final Path root;
    private final Person fallback;
    private final Map<String, OutputStream> mboxes = new LinkedHashMap<>();
    private final Set<Path> madeDirs = new HashSet<>();
    private final Set<String> documentNames = new HashSet<>();
    private long emails, documents, files, bytes;

    DumpWriter(Path root, Person fallback) {
        this.root = root;
        this.fallback = fallback;
    }

    long emails() { return emails; }
    long documents() { return documents; }
    long files() { return files; }
    long bytes() { return bytes; }

    /**
     * Files one message: a list post in its mbox, other mail in the sender's sent folder or a recipient's inbox.
     * A duplicate is the same bytes filed a second time, in another recipient's inbox or the owner's archive.
     */
    void file(Message m, boolean duplicate, SplittableRandom r) throws IOException {
        Person list = m.to().size() == 1 && Lists.ALL.contains(m.to().get(0)) ? m.to().get(0) : null;
        if (list != null) {
            mbox(list.key(), m);
            if (duplicate) eml(fallback, "inbox", MessageWriter.render(m, false, "\n"));
            return;
        }
        Person recipient = firstInternal(m, null);
        boolean sent = m.from().internal() && (recipient == null || r.nextBoolean());
        Person owner = sent ? m.from() : recipient != null ? recipient : fallback;
        byte[] message = MessageWriter.render(m, sent, "\n");
        eml(owner, sent ? "sent" : "inbox", message);
        if (duplicate) {
            Person other = sent ? null : firstInternal(m, owner);
            if (other != null) eml(other, "inbox", message);
            else eml(owner, "archive", message);
        }
    }

    private static Person firstInternal(Message m, Person not) {
        for (Person p : m.to()) if (p.internal() && p != not && p != m.from()) return p;
        for (Person p : m.cc()) if (p.internal() && p != not && p != m.from()) return p;
        return null;
    }

    private void eml(Person owner, String folder, byte[] message) throws IOException {
        emails++;
        Path dir = root.resolve("mail").resolve(owner.key()).resolve(folder);
        if (madeDirs.add(dir)) {
            // A real maildir has all three; readers may look for them.
            Files.createDirectories(dir.resolve("cur"));
            Files.createDirectories(dir.resolve("new"));
            Files.createDirectories(dir.resolve("tmp"));
        }
        write(dir.resolve("cur").resolve(emails + ".eml"), message);
    }

    /** Appends a message in mboxrd form: a "From " separator, body lines matching ^>*From quoted with '>'. */
    private void mbox(String list, Message m) throws IOException {
        OutputStream out = mboxes.get(list);
        if (out == null) {
            Path path = root.resolve("lists").resolve(list + ".mbox");
            Files.createDirectories(path.getParent());
            out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            mboxes.put(list, out);
            files++;
        }
        String separator = "From " + m.from().email() + " " + ASCTIME.format(m.date().withZoneSameInstant(ZoneOffset.UTC)) + "\n";
        byte[] head = separator.getBytes(StandardCharsets.US_ASCII);
        byte[] body = quoteFromLines(MessageWriter.render(m, false, "\n"));
        out.write(head);
        out.write(body);
        out.write('\n');
        bytes += head.length + body.length + 1;
        emails++;
    }

    static byte[] quoteFromLines(byte[] message) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            if (lineStart && isFromLine(message, i)) out.write('>');
            out.write(message[i]);
            lineStart = message[i] == '\n';
        }
        if (!lineStart) out.write('\n');
        return out.toByteArray();
    }

    private static boolean isFromLine(byte[] b, int i) {
        while (i < b.length && b[i] == '>') i++;
        return i + 5 <= b.length && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ';
    }

    /** A standalone document under {@code documents/<folder>/}; a repeated name gets " (2)", " (3)"... */
    void document(String folder, String name, byte[] content) throws IOException {
        String unique = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !documentNames.add(folder + "/" + unique); n++) {
            unique = name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
        }
        Path path = root.resolve("documents").resolve(folder).resolve(unique);
        if (madeDirs.add(path.getParent())) Files.createDirectories(path.getParent());
        write(path, content);
        documents++;
    }

    /** A zip under {@code documents/}, holding {@code documentCount} documents and {@code emailCount} emails. */
    void zip(String name, byte[] content, int documentCount, int emailCount) throws IOException {
        Path path = root.resolve("documents").resolve(name);
        Files.createDirectories(path.getParent());
        write(path, content);
        documents += documentCount;
        emails += emailCount;
    }

    private void write(Path path, byte[] content) throws IOException {
        Files.write(path, content);
        files++;
        bytes += content.length;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (OutputStream out : mboxes.values()) {
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
