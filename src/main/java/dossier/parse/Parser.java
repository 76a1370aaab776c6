package dossier.parse;

import dossier.model.DocMeta;
import dossier.model.EmailFields;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one raw input into an item tree: mime4j for mail, POI for Outlook .msg files, Tika for everything else. Never throws (except
 * OutOfMemoryError): what cannot be read becomes a problem, and the input still yields an item so its original is
 * kept.
 *
 * <pre>{@code
 * Parser parser = new Parser(Limits.DEFAULT);
 * ParseResult r = parser.parse(new RawInput("mail/1.eml", "1.eml", RawInput.Hint.EMAIL, bytes));
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every worker thread; each call uses its own mime4j parser and the shared,
 * thread-safe Tika parser.
 */
public final class Parser {
    private final MailParser mail;
    private final DocumentParser documents;
    private final Limits limits;

    /** A parser without OCR. */
    public Parser(Limits limits) {
        this(limits, Ocr.OFF);
    }

    /** A parser that reads images and scanned PDF pages as {@code ocr} says. */
    public Parser(Limits limits, Ocr ocr) {
        this.limits = limits;
        this.mail = new MailParser(limits, ocr);
        this.documents = new DocumentParser(limits, ocr);
    }

    /** Parses one input. */
    public ParseResult parse(RawInput input) {
        List<Problem> problems = new ArrayList<>();
        boolean email = false;
        try {
            if (input.hint() == RawInput.Hint.ENCRYPTED) return new ParseResult(encrypted(input), problems);
            email = Sniff.isEmail(input);
            if (!email && OutlookMessages.isMsg(input.bytes(), input.name())) {
                Parsed msg = outlook(input, problems);
                if (msg != null) return new ParseResult(msg, problems);
            }
            Parsed item = email
                    ? mail.parse(input.source(), input.name(), input.bytes(), 0, problems)
                    : documents.parse(input, problems);
            if (!email && Tnef.isTnef(input.bytes())) item = withTnefFiles(item, problems);
            return new ParseResult(item, problems);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) { // StackOverflowError from a hostile file included: one bad input never stops a run
            problems.add(new Problem(input.source(), Problem.PARSE, Problem.reasonOf(t)));
            return new ParseResult(bare(input, email), problems);
        }
    }

    /** An Outlook .msg as an email; null (and a problem) when POI cannot read it, so Tika gets its turn. */
    private Parsed outlook(RawInput input, List<Problem> problems) {
        try {
            return OutlookMessages.parse(mail, input.source(), input.name(), input.bytes(), 0, problems);
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(new Problem(input.source(), Problem.PARSE, "cannot read Outlook message: " + Problem.reasonOf(e)));
            return null;
        }
    }

    /** A TNEF file standing alone (a winmail.dat saved from a mail): the document, with the files it carries. */
    private Parsed withTnefFiles(Parsed doc, List<Problem> problems) {
        try {
            List<Parsed> files = Tnef.unpack(doc.source(), doc.bytes(), limits, mail.ocr(), problems);
            return new Parsed(doc.kind(), doc.source(), doc.name(), doc.bytes(), doc.title(), doc.date(), doc.text(),
                    doc.contentType(), doc.language(), doc.email(), doc.meta(), files);
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(new Problem(doc.source(), Problem.EXTRACT, "cannot unpack TNEF: " + Problem.reasonOf(e)));
            return doc;
        }
    }

    /**
     * An encrypted entry of an archive: its name, type (by name) and stored size are all there is to index. The
     * source stage has already recorded the problem.
     */
    private static Parsed encrypted(RawInput in) {
        return new Parsed(Kind.DOCUMENT, in.source(), in.name(), in.bytes(), in.name(), null, "",
                TextExtractor.detect(new byte[0], in.name()), "", null, DocMeta.NONE, List.of());
    }

    /** An item with the original bytes and nothing read from them. */
    private static Parsed bare(RawInput in, boolean email) {
        return new Parsed(email ? Kind.EMAIL : Kind.DOCUMENT, in.source(), in.name(), in.bytes(), in.name(), null, "",
                email ? MailParser.MESSAGE : "application/octet-stream", "", email ? emptyEmail() : null,
                DocMeta.NONE, List.of());
    }

    private static EmailFields emptyEmail() {
        return new EmailFields(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
