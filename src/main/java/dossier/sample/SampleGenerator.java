package dossier.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a realistic synthetic dump: the mail and documents of Northwind Pictures, a fictional film studio,
 * from January 2013 to November 2014. The same {@link SampleSpec} gives byte-identical output on any machine.
 *
 * <pre>{@code
 * Summary s = new SampleGenerator().generate(new SampleSpec(2000, 200, 1), Path.of("/tmp/dump"), null);
 * }</pre>
 *
 * <p>Layout of the dump:
 * <ul>
 * <li>{@code mail/<first.last>/{inbox,sent,archive}/cur/<n>.eml}: a maildir per employee (with empty
 *     {@code new/} and {@code tmp/}); threads with In-Reply-To and References, quoted replies, inline and
 *     message/rfc822 forwards, cc and bcc, plain and HTML, docx/xlsx/pdf/txt/csv attachments, RFC 2047 names
 *     and subjects (accents, Japanese), ISO-8859-1 bodies, and about 1% exact duplicates filed twice.
 * <li>{@code lists/{all-staff,it-alerts,press-clips}.mbox}: mboxrd; press clips have body lines starting
 *     "From ", quoted as "&gt;From ".
 * <li>{@code documents/<Department>/<title>.<ext>}: standalone docx, xlsx, pdf, txt and csv files.
 * <li>{@code documents/archive-2013.zip}: three documents and one .eml with CRLF line ends.
 * </ul>
 * Counts: {@code emails} counts every .eml file, mbox message and zipped .eml (duplicates included);
 * {@code documents} counts the standalone files and those in the zip.
 *
 * <p>Planted for demos and tests (in every dump of at least 50 emails, whatever the seed):
 * <ul>
 * <li>The <b>Quillfeather</b> thread, six messages of June 10 to 16, 2014: Richard Calloway, Chairman and CEO
 *     ({@code richard.calloway@northwind-pictures.com}), asks Elias Brandt of the Larkspur Institute
 *     ({@code elias.brandt@larkspur.example.org}) to review the ending of "Glass Harbor", set in the fictional
 *     republic of Varkesh. Brandt replies, sends "Quillfeather - Risk Assessment.pdf" (whose text also says
 *     Quillfeather) recommending a "tabletop exercise"; Calloway forwards it to General Counsel Leonard Voss,
 *     cc Judith Harlow, and Voss replies. Try {@code quillfeather}, {@code "tabletop exercise"}, {@code varkesh},
 *     {@code domain:larkspur.example.org}, {@code from:richard.calloway to:elias.brandt}. The word
 *     Quillfeather appears nowhere else.
 * <li>A bystander's personal data, for the redaction policy: "Direct deposit change - new hire" (September 5,
 *     2013, Gloria Estevez to Patricia Nakamura) holds SSN 078-05-1120, "DOB: 04/12/1981", card
 *     4111 1111 1111 1111 and IBAN GB82 WEST 1234 5698 7654 32.
 * </ul>
 *
 * <p>Memory stays bounded at any size: messages are written as they are made, threads draw on a window of
 * recent messages, and attachments come from a small pool of files made once. Instances are stateless; each
 * call is independent and single-threaded.
 */
public final class SampleGenerator {
    /** The size of the dump and the seed that fixes every choice. */
    public record SampleSpec(int emails, int documents, long seed) {
        public SampleSpec {
            if (emails < 0) throw new IllegalArgumentException("emails must not be negative: " + emails);
            if (documents < 0) throw new IllegalArgumentException("documents must not be negative: " + documents);
        }
    }

    /** What was written: items by kind, files on disk and their total size in bytes. */
    public record Summary(long emails, long documents, long files, long bytes) {}

    /** Told how far generation has got; called from the generating thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long emailsWritten, long documentsWritten);
    }

    private static final int PLANTED_MINIMUM = 50;
    private static final int ZIP_DOCUMENTS = 3;

    /**
     * Writes the dump for {@code spec} into {@code out}, which must be absent or an empty directory.
     *
     * @param listener told of progress every thousand emails and hundred documents; may be null
     * @throws IllegalArgumentException if {@code out} is a file or a directory with anything in it
     */
    public Summary generate(SampleSpec spec, Path out, ProgressListener listener) throws IOException {
        requireEmpty(out);
        ProgressListener progress = listener != null ? listener : (e, d) -> {};
        SplittableRandom root = new SplittableRandom(spec.seed());
        Company company = new Company(Company.peopleFor(spec.emails()), root.split());
        Texts texts = new Texts(company);
        Documents documents = new Documents(company, texts);
        AttachmentPool pool = new AttachmentPool(AttachmentPool.sizeFor(spec.emails()), spec.seed(), documents);

        boolean planted = spec.emails() >= PLANTED_MINIMUM;
        List<Message> story = new ArrayList<>();
        if (planted) {
            story.addAll(Story.quillfeather(company));
            story.add(Story.bystander(company));
            story.sort(Comparator.comparing(m -> m.date().toInstant()));
        }
        int zipEmails = planted ? 1 : 0;
        int duplicates = spec.emails() >= 100 ? spec.emails() / 100 : 0;
        int regular = spec.emails() - story.size() - zipEmails - duplicates;
        MailStream stream = new MailStream(company, texts, pool, new Timeline(regular), root.split());
        SplittableRandom filing = root.split();

        try (DumpWriter writer = new DumpWriter(out, company.ceo)) {
            int s = 0;
            for (int i = 0; i < regular; i++) {
                Message m = stream.next(i);
                while (s < story.size() && !story.get(s).date().isAfter(m.date())) writer.file(story.get(s++), false, filing);
                // Spread exactly `duplicates` copies evenly over the stream.
                boolean duplicate = (long) i * duplicates / regular != (long) (i + 1) * duplicates / regular;
                writer.file(m, duplicate, filing);
                if ((i + 1) % 1000 == 0) progress.progress(writer.emails(), writer.documents());
            }
            while (s < story.size()) writer.file(story.get(s++), false, filing);
            progress.progress(writer.emails(), writer.documents());

            int zipped = spec.documents() >= 10 ? ZIP_DOCUMENTS : 0;
            DocumentShelf shelf = new DocumentShelf(documents, spec.seed());
            shelf.writeStandalone(spec.documents() - zipped, writer, progress);
            if (zipped > 0 || zipEmails > 0) shelf.writeZip(zipped, zipEmails > 0 ? savedMail(stream, regular) : null, writer);
            progress.progress(writer.emails(), writer.documents());
            return new Summary(writer.emails(), writer.documents(), writer.files(), writer.bytes());
        }
    }

    /** One more message for the zip: a new one (not a reply to late mail), dated early in the period. */
    private static Message savedMail(MailStream stream, int regular) {
        return stream.fresh(regular / 4);
    }

    private static void requireEmpty(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("output " + out + " exists and is not a directory");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory " + out + " is not empty; choose a new or empty directory");
                }
            }
        }
        Files.createDirectories(out);
    }

}
