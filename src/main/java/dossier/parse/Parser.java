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
 * Turns one raw input into an item tree: mime4j for mail, Tika for everything else. Never throws (except
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

    public Parser(Limits limits) {
        this.mail = new MailParser(limits);
        this.documents = new DocumentParser(limits);
    }

    /** Parses one input. */
    public ParseResult parse(RawInput input) {
        List<Problem> problems = new ArrayList<>();
        boolean email = false;
        try {
            email = Sniff.isEmail(input);
            Parsed item = email
                    ? mail.parse(input.source(), input.name(), input.bytes(), 0, problems)
                    : documents.parse(input, problems);
            return new ParseResult(item, problems);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) { // StackOverflowError from a hostile file included: one bad input never stops a run
            problems.add(new Problem(input.source(), Problem.PARSE, Problem.reasonOf(t)));
            return new ParseResult(bare(input, email), problems);
        }
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
