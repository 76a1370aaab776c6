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

/**
 * Turns one raw input into an item tree: mime4j for mail (in this JVM: bounded by the limits, and fast), an
 * {@link Extractor} for documents and attachments (Tika, by default in worker processes). Never throws (except
 * OutOfMemoryError): what cannot be read becomes a problem, and the input still yields an item so its original is
 * kept. Everything read from one input shares one deadline, {@link Limits#timePerFile()}.
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

    /** A parser that runs Tika in this JVM: for tests of parsing logic and tools. */
    public Parser(Limits limits) {
        this(limits, Extractor.inProcess());
    }

    public Parser(Limits limits, Extractor extractor) {
        this.limits = limits;
        this.extractor = extractor;
    }

    /** Parses one input. */
    public ParseResult parse(RawInput input) {
        List<Problem> problems = new ArrayList<>();
        boolean email = false;
        Deadline deadline = Deadline.after(limits.timePerFile());
        Extract tika = (bytes, name) -> extractor.extract(bytes, name, limits.maxTextChars(), deadline);
        try {
            email = Sniff.isEmail(input);
            Parsed item = email
                    ? new MailParser(limits, tika).parse(input.source(), input.name(), input.bytes(), 0, problems)
                    : new DocumentParser(tika).parse(input, problems);
            return new ParseResult(item, problems);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) { // StackOverflowError from a hostile file included: one bad input never stops a run
            problems.add(new Problem(input.source(), Problem.PARSE, Problem.reasonOf(t)));
            return new ParseResult(bare(input, email), problems);
        }
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
