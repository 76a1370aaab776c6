package dossier.web;

import io.javalin.http.Context;
import java.util.List;

/** {@code /help/search}: the query language (DESIGN 5) with examples that link to their results. */
public final class HelpPage {
    private HelpPage() {}

    /** One row of the operator table; {@code example} is a query that links to its search. */
    public record Operator(String syntax, String meaning, String example) {
        public String href() {
            return Urls.search(example, null, 1);
        }
    }

    /** What the help page shows. */
    public record View(Frame frame, List<Operator> words, List<Operator> operators) {}

    static final List<Operator> WORDS = List.of(
            new Operator("word word", "Every word must appear (stemmed and accent-folded: negotiating finds negotiation).", "budget meeting"),
            new Operator("\"exact phrase\"", "The words next to each other, in this order.", "\"conference call\""),
            new Operator("\"phrase\"~5", "The words within five words of each other.", "\"energy price\"~5"),
            new Operator("a OR b", "Either word.", "merger OR acquisition"),
            new Operator("-word, NOT word", "Leave out items with the word.", "budget -draft"),
            new Operator("( … )", "Group parts of a query.", "(merger OR acquisition) california"),
            new Operator("wild*", "Words starting with these letters.", "negotiat*"),
            new Operator("fuzzy~", "Words spelt nearly like this one.", "skiling~"),
            new Operator("*", "Every item in the archive.", "*"));

    static final List<Operator> OPERATORS = List.of(
            new Operator("from:", "Sender: an address, a name, or part of either.", "from:skilling"),
            new Operator("to: cc: bcc:", "Recipients, the same way.", "to:lay"),
            new Operator("participant:", "Anyone on the email: sender or recipient.", "participant:fastow"),
            new Operator("domain:", "Anyone at this domain or its subdomains.", "domain:enron.com"),
            new Operator("subject:", "Words in the subject or title.", "subject:budget"),
            new Operator("filename:", "Words in an attachment's or document's file name.", "filename:report"),
            new Operator("kind:", "email, attachment or document.", "kind:attachment"),
            new Operator("type:", "File type: an extension, a media type or a family.", "type:pdf"),
            new Operator("has:attachment", "Emails with attachments.", "has:attachment budget"),
            new Operator("date:", "A day, a month, a year or a range.", "date:2001-01..2001-06"),
            new Operator("after: before:", "On or after a day; before a day.", "after:2001-05-01 before:2001-06-01"),
            new Operator("larger: smaller:", "Original size, with k, M or G.", "larger:1M"),
            new Operator("id:", "One item by its number.", "id:1"),
            new Operator("thread:", "Every item of a thread.", "thread:1"),
            new Operator("lang:", "Language of the text, as a two-letter code.", "lang:en"));

    static void show(Site site, Context ctx) {
        site.render(ctx, "help.jte", new View(site.frame("Search help", ""), WORDS, OPERATORS));
    }
}
