package dossier.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a generated dump back the way an ingester would: every email with where it was found, every document. */
final class DumpReader {
    /** A strict mbox separator: "From addr Www Mmm dd hh:mm:ss yyyy". */
    static final Pattern FROM_LINE = Pattern.compile(
            "^From \\S+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$",
            Pattern.MULTILINE);

    record Item(String location, byte[] bytes) {}

    private DumpReader() {}

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<Item> emails(Path root) throws IOException {
        List<Item> out = new ArrayList<>();
        for (Path file : files(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (rel.endsWith(".eml")) out.add(new Item(rel, Files.readAllBytes(file)));
            else if (rel.endsWith(".mbox")) {
                List<String> messages = splitMbox(Files.readString(file, StandardCharsets.ISO_8859_1));
                for (int i = 0; i < messages.size(); i++) {
                    out.add(new Item(rel + "#" + (i + 1), unquote(messages.get(i)).getBytes(StandardCharsets.ISO_8859_1)));
                }
            } else if (rel.endsWith(".zip")) {
                for (Item entry : zipEntries(file)) {
                    if (entry.location().endsWith(".eml")) out.add(new Item(rel + "#" + entry.location(), entry.bytes()));
                }
            }
        }
        return out;
    }

    /** Standalone documents: files under documents/ and documents inside zips. */
    static List<Item> documents(Path root) throws IOException {
        List<Item> out = new ArrayList<>();
        Path docs = root.resolve("documents");
        for (Path file : files(docs)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (rel.endsWith(".zip")) {
                for (Item entry : zipEntries(file)) {
                    if (!entry.location().endsWith(".eml")) out.add(new Item(rel + "#" + entry.location(), entry.bytes()));
                }
            } else {
                out.add(new Item(rel, Files.readAllBytes(file)));
            }
        }
        return out;
    }

    static List<Item> zipEntries(Path zip) throws IOException {
        List<Item> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) out.add(new Item(e.getName(), in.readAllBytes()));
            }
        }
        return out;
    }

    /** The messages of an mbox, split on strict separator lines only, separators removed. */
    static List<String> splitMbox(String mbox) {
        List<String> out = new ArrayList<>();
        var m = FROM_LINE.matcher(mbox);
        int start = -1;
        while (m.find()) {
            if (start >= 0) out.add(mbox.substring(start, m.start()));
            start = m.end() + 1;
        }
        if (start >= 0) out.add(mbox.substring(start));
        return out;
    }

    /** Undoes mboxrd quoting: one '>' off every line matching ^>+From . */
    static String unquote(String message) {
        return message.replaceAll("(?m)^>(>*From )", "$1");
    }
}
