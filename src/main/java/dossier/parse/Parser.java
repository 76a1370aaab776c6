package dossier.parse;

import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns one raw input into an item tree: mime4j for mail (in this JVM: bounded by the limits, and fast), POI for
 * Outlook .msg files (converted to MIME, then read as mail) and TNEF winmail.dat files (unpacked into the files they
 * carry), an {@link Extractor} for documents and attachments (Tika, by default in worker processes). Never throws (except
 * OutOfMemoryError): what cannot be read becomes a problem, and the input still yields an item so its original is
 * kept. Everything read from one input shares one deadline, {@link #timeLimit}.
 *
 * <pre>{@code
 * Parser parser = new Parser(Limits.DEFAULT);
 * ParseResult r = parser.parse(new RawInput("mail/1.eml", "1.eml", RawInput.Hint.EMAIL, bytes));
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every worker thread; each call uses its own mime4j parser and the shared,
 * thread-safe extractor.
 */
public final class Parser {
    private final Limits limits;
    private final Extractor extractor;

    /** A parser that runs Tika in this JVM without OCR: for tests of parsing logic and tools. */
    public Parser(Limits limits) {
        this(limits, Extractor.inProcess());
    }

    /** A parser whose documents and attachments (.msg and TNEF contents included) are read by {@code extractor}. */
    public Parser(Limits limits, Extractor extractor) {
        this.limits = limits;
        this.extractor = extractor;
    }

    /** Parses one input, reading everything in it. */
    public ParseResult parse(RawInput input) {
        return parse(input, false);
    }

    /**
     * Parses one input. With {@code deferOcr} (the ingest's in-order parses), a file inside it that {@link #goesToOcr
     * goes to OCR} (a scan attached to an email) is not read: it is left in the tree {@link Attachments#unread unread}
     * and listed in the result's {@link ParseResult#unread}, for the ingest's OCR queue to read as a file of its own
     * while the files after it go on. Its Tesseract then has the longer time of a scan, not a share of the email's.
     */
    public ParseResult parse(RawInput input, boolean deferOcr) {
        List<Problem> problems = new ArrayList<>();
        List<Parsed> unread = new ArrayList<>();
        Deadline deadline = Deadline.after(timeLimit(input));
        Extract tika = new Extract() {
            @Override
            public TextExtractor.Extraction extract(byte[] bytes, String name, String type) {
                return extractor.extract(bytes, name, type, limits.maxTextChars(), deadline);
            }

            @Override
            public Parsed leftForOcr(String source, String name, byte[] content) {
                if (!deferOcr || !goesToOcr(new RawInput(source, name, RawInput.Hint.ATTACHMENT, content))) return null;
                Parsed p = Attachments.unread(source, name, content);
                unread.add(p);
                return p;
            }
        };
        ParseResult r = read(input, new MailParser(limits, tika), tika, problems);
        // Only files in the item's tree wait for OCR: a parse that failed half-way gave a bare item without them.
        return unread.isEmpty() ? r : new ParseResult(r.item(), r.problems(), unread);
    }

    private ParseResult read(RawInput input, MailParser mail, Extract tika, List<Problem> problems) {
        boolean email = false;
        try {
            if (input.hint() == RawInput.Hint.UNREAD) return new ParseResult(unreadable(input), problems);
            // Tika's detection reads hundreds of magic patterns: once per input at most, shared by both questions and
            // handed to the extractor.
            Detection type = new Detection(input);
            email = Sniff.isEmail(input, type);
            if (!email && OutlookMessages.isMsg(input.bytes(), type)) {
                Parsed msg = outlook(mail, input, problems);
                if (msg != null) return new ParseResult(msg, problems);
            }
            Parsed item = email
                    ? mail.parse(input.source(), input.name(), input.bytes(), 0, problems)
                    : new DocumentParser(tika).parse(input, type.known(), problems);
            if (!email && Tnef.isTnef(input.bytes())) item = withTnefFiles(item, tika, problems);
            return new ParseResult(item, problems);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) { // StackOverflowError from a hostile file included: one bad input never stops a run
            problems.add(new Problem(input.source(), Problem.PARSE, Problem.reasonOf(t)));
            return new ParseResult(bare(input, email), problems);
        }
    }

    /**
     * The time one input may take, shared by everything read from it: {@link Limits#timePerFile()}, or for an input
     * that {@link #goesToOcr goes to OCR} the larger of that and {@link Ocr#budget()}, since Tesseract takes seconds a
     * page and a scanned PDF can have many. Mail keeps {@code timePerFile} even when it carries scans: its
     * attachments share it, and a scan that outlasts it becomes a problem beside the email (in the ingest, scans attached
     * to mail are read apart: see {@link #parse(RawInput, boolean)}). The ingest's watchdog waits by this same limit.
     */
    public Duration timeLimit(RawInput input) {
        Duration perFile = limits.timePerFile();
        if (!goesToOcr(input)) return perFile;
        Duration ocr = extractor.ocr().budget();
        return ocr.compareTo(perFile) > 0 ? ocr : perFile;
    }

    /**
     * Whether an input is a file that may be read by OCR: OCR is on, and it is an image or a PDF (by magic bytes), not
     * one {@link Ocr#tooSmallToRead too small to hold text}, that is not taken for mail (a file named .eml, or header
     * lines at its start; an attachment's name says nothing, see {@link RawInput.Hint#ATTACHMENT}). Such an input
     * always yields a single document without children, whatever its parse finds or fails to find, so the ingest can
     * number it and record its original at once and index its text when the slow OCR is done (see {@link #unread}).
     */
    public boolean goesToOcr(RawInput input) {
        boolean file = input.hint() == RawInput.Hint.FILE || input.hint() == RawInput.Hint.ATTACHMENT;
        return extractor.ocr().enabled() && file && Ocr.mayNeedOcr(input.bytes())
                && !Ocr.tooSmallToRead(input.bytes())
                && !Sniff.isEmail(input, () -> ""); // images and PDFs are mail only by name or headers, never by type
    }

    /**
     * What {@link Parsed#htmlText} holds for an email read back from the archive, as parsing it gave: its HTML body as
     * text when it has a plain body too, cut at the text limit.
     */
    public static String htmlText(EmailFields email, Limits limits) {
        String t = MailParser.htmlText(email.plainBody(), email.htmlBody());
        return t.length() > limits.maxTextChars() ? t.substring(0, limits.maxTextChars()) : t;
    }

    /**
     * The item a file that {@link #goesToOcr goes to OCR} yields before anything is read from it: the same kind, source,
     * bytes and shape (one document) as its parse gives, so it can be numbered and stored in order while OCR runs.
     */
    public static Parsed unread(RawInput input) {
        return bare(input, false);
    }

    /**
     * The item a scan attached to mail yields before it is read, as {@link #parse(RawInput, boolean)} leaves it in its
     * email's tree: for an ingest resumed while it waited.
     */
    public static Parsed unreadAttachment(RawInput input) {
        return Attachments.unread(input.source(), input.name(), input.bytes());
    }

    /**
     * What an input whose parse was abandoned after {@code limit} yields: its original, kept unread, and the problem.
     * For the ingest's watchdog, which cannot stop the thread but stops waiting for it.
     */
    public static ParseResult timedOut(RawInput input, Duration limit) {
        boolean email = input.hint() == RawInput.Hint.EMAIL || Sniff.looksLikeHeaders(input.bytes());
        return new ParseResult(bare(input, email),
                List.of(new Problem(input.source(), Problem.PARSE, Deadline.timedOut(limit))));
    }

    /** An Outlook .msg as an email; null (and a problem) when POI cannot read it, so Tika gets its turn. */
    private static Parsed outlook(MailParser mail, RawInput input, List<Problem> problems) {
        try {
            return OutlookMessages.parse(mail, input.source(), input.name(), input.bytes(), 0, problems);
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(new Problem(input.source(), Problem.PARSE, "cannot read Outlook message: " + Problem.reasonOf(e)));
            return null;
        }
    }

    /**
     * A TNEF file standing alone (a winmail.dat saved from a mail): the document, with the files it carries, read by
     * {@code tika} within the input's deadline.
     */
    private Parsed withTnefFiles(Parsed doc, Extract tika, List<Problem> problems) {
        try {
            List<Parsed> files = Tnef.unpack(doc.source(), doc.bytes(), limits, tika, problems);
            return new Parsed(doc.kind(), doc.source(), doc.name(), doc.bytes(), doc.title(), doc.date(), doc.text(),
                    doc.contentType(), doc.language(), doc.email(), doc.meta(), files, doc.htmlText());
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(new Problem(doc.source(), Problem.EXTRACT, "cannot unpack TNEF: " + Problem.reasonOf(e)));
            return doc;
        }
    }

    /**
     * An input kept unread (an encrypted entry of an archive, a container that would not open): its name, type (by
     * name) and size are all there is to index. The source stage has already recorded the problem.
     */
    private static Parsed unreadable(RawInput in) {
        return new Parsed(Kind.DOCUMENT, in.source(), in.name(), in.bytes(), in.name(), null, "",
                TextExtractor.detect(new byte[0], in.name()), "", null, DocMeta.NONE, List.of(), "");
    }

    /** An item with the original bytes and nothing read from them. */
    private static Parsed bare(RawInput in, boolean email) {
        return new Parsed(email ? Kind.EMAIL : Kind.DOCUMENT, in.source(), in.name(), in.bytes(), in.name(), null, "",
                email ? MailParser.MESSAGE : "application/octet-stream", "", email ? emptyEmail() : null,
                DocMeta.NONE, List.of(), "");
    }

    private static EmailFields emptyEmail() {
        return new EmailFields(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Tika's type of an input, detected on first use and kept. */
    private static final class Detection implements Supplier<String> {
        private final RawInput input;
        private String detected;

        Detection(RawInput input) {
            this.input = input;
        }

        /** The type without parameters, detected now if it was not yet. */
        @Override
        public String get() {
            String t = known();
            if (t == null) detected = t = TextExtractor.detectWithParameters(input.bytes(), input.name());
            int semi = t.indexOf(';');
            return semi < 0 ? t : t.substring(0, semi).strip();
        }

        /** The type as detected, parameters included, or null when nothing asked for it yet. */
        String known() {
            return detected;
        }
    }
}
