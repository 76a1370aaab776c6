package dossier.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query language at a glance, one row per operator and per piece of free-text syntax, so that the command
 * line's {@code --help} and the web help page print the same table.
 *
 * <pre>{@code
 * for (Operators.Help h : Operators.HELP) System.out.printf("%-22s %s%n", h.syntax(), h.description());
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Operators {
    private Operators() {}

    /** One row of help: the operator's name, its syntax, what it does in a sentence, and a working example. */
    public record Help(String name, String syntax, String description, String example) {}

    /** The {@code name:value} operators; names are case-insensitive. */
    public static final List<Help> HELP = List.of(
            new Help("from", "from:ADDRESS|NAME", "Sent by: a whole address, a word of it, a domain or a name; "
                    + "quote names with spaces; * and ? are wildcards (from:*killing); a part of a Chinese, Japanese "
                    + "or Korean name finds it (from:吉田)", "from:\"Jeff Skilling\""),
            new Help("to", "to:ADDRESS|NAME", "Sent to (To header), as from:", "to:jeff.skilling@enron.com"),
            new Help("cc", "cc:ADDRESS|NAME", "Copied to (Cc header), as from:", "cc:skilling"),
            new Help("bcc", "bcc:ADDRESS|NAME", "Blind-copied to (Bcc header), as from:; bcc:* any Bcc",
                    "bcc:*"),
            new Help("participant", "participant:ADDRESS|NAME", "In any of From, To, Cc or Bcc",
                    "participant:lay"),
            new Help("domain", "domain:DOMAIN", "A participant's address is at this domain or below it; "
                    + "* and ? are wildcards (domain:*.gov)", "domain:rand.org"),
            new Help("subject", "subject:WORD|\"PHRASE\"", "Words or a phrase in the subject or title",
                    "subject:\"quarterly results\""),
            new Help("filename", "filename:NAME", "Words of the file name of an attachment or document (not of "
                    + "the file an email was stored in); wildcards allowed; a CJK part is found inside a word",
                    "filename:*.xlsx"),
            new Help("kind", "kind:email|attachment|document", "Only items of this kind", "kind:attachment"),
            new Help("type", "type:TYPE", "File type: extension, media type or family (image, pdf, word, excel)",
                    "type:pdf"),
            new Help("has", "has:attachment", "Emails that have attachments", "has:attachment"),
            new Help("date", "date:PERIOD[..PERIOD]", "Dated within a year, month or day (UTC), or a range of "
                    + "them, both ends included; either end may be left open", "date:2001-05..2001-08"),
            new Help("after", "after:DATE", "Dated on or after that day (UTC), as in Gmail", "after:2001-05-01"),
            new Help("before", "before:DATE", "Dated before that day (UTC), the day itself excluded, as in Gmail",
                    "before:2002-01-01"),
            new Help("larger", "larger:SIZE", "Larger than SIZE bytes; k, M, G are powers of 1024", "larger:5M"),
            new Help("smaller", "smaller:SIZE", "Smaller than SIZE bytes; k, M, G are powers of 1024",
                    "smaller:100k"),
            new Help("id", "id:N[,N...]", "The items with these ids", "id:1234"),
            new Help("thread", "thread:N", "Every item in the thread with this id", "thread:1234"),
            new Help("parent", "parent:N", "The attachments and embedded emails of item N", "parent:1234"),
            new Help("lang", "lang:CODE", "Written in this language (ISO 639-1 code)", "lang:de"),
            new Help("messageid", "messageid:ID", "The email with this Message-ID (also message-id:)",
                    "messageid:1234.JavaMail.evans@thyme"));

    /** Free-text syntax, for the same help table. */
    public static final List<Help> SYNTAX = List.of(
            new Help("words", "WORD WORD", "Every word must match, in subject, text or file name; "
                    + "negotiating finds negotiation, resume finds résumé", "merger enron"),
            new Help("phrase", "\"PHRASE\"[~N]", "Words in this order, as written (not stemmed; an apostrophe "
                    + "may be there or not: \"lets\" finds LET'S); ~N allows N words between or out of place",
                    "\"special purpose entity\"~2"),
            new Help("wildcard", "WO*D WO?D", "* any characters, ? one character (unstemmed words)", "negot*"),
            new Help("fuzzy", "WORD~[N]", "Words within N (1 or 2, default 2) edits", "skiling~"),
            new Help("boolean", "A OR B, A AND B, NOT A, -A, +A", "AND binds tighter than OR; words side by "
                    + "side must all match", "(raptor OR jedi) -lunch"),
            new Help("group", "( ... ) OP:( ... )", "Group clauses; an operator applies to each word of its group",
                    "subject:(budget OR forecast)"),
            new Help("all", "*", "Every item", "* -kind:attachment"));

    private static final Map<String, String> ALIASES = Map.of("message-id", "messageid", "participants",
            "participant");

    /** The operator a name denotes (case-insensitive, aliases resolved), or null if it is not an operator. */
    static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        for (Help h : HELP) if (h.name().equals(n)) return n;
        return null;
    }
}
