package dossier.sample;

import dossier.sample.Company.Person;
import dossier.sample.Lexicon.Topic;
import dossier.sample.Message.Attachment;
import dossier.sample.OfficeFiles.Content;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes one office file of a given kind (docx, xlsx, pdf, txt, csv) about a topic: a plausible file name and
 * real content in the format. Used for attachments and for standalone documents. Stateless apart from the company.
 */
final class Documents {
    static final List<String> KINDS = List.of("docx", "xlsx", "pdf", "txt", "csv");
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.US);
    private static final List<String> LINE_ITEMS = List.of("Story and rights", "Producers", "Director", "Cast",
            "Production staff", "Set construction", "Locations", "Camera", "Visual effects", "Editorial", "Music",
            "Insurance", "Completion bond", "Prints and advertising", "Contingency");

    private static final List<String> SUFFIXES = List.of("", "", "", "", " v2", " v3", " FINAL", " (draft)", " rev", "_NWP");

    private final Company company;
    private final Texts texts;
    private final Lexicon lex = Lexicon.get();

    Documents(Company company, Texts texts) {
        this.company = company;
        this.texts = texts;
    }

    static String contentType(String kind) {
        return switch (kind) {
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            default -> "text/plain";
        };
    }

    /** A file of {@code kind}; {@code topic} steers the name and the text. */
    Attachment make(String kind, Topic topic, ZonedDateTime date, SplittableRandom r) {
        Person author = Lexicon.pick(company.staff, r);
        String project = lex.pick("projects", r);
        String title = title(kind, topic, project, date, r) + Lexicon.pick(SUFFIXES, r);
        Texts.Context c = new Texts.Context(author, Lexicon.pick(company.staff, r), date, null);
        List<String> paragraphs = new ArrayList<>();
        int n = 3 + r.nextInt(8);
        for (int i = 0; i < n; i++) paragraphs.add(texts.fill(Lexicon.pick(topic.bodies(), r), c, r)
                + " " + texts.fill(Lexicon.pick(topic.bodies(), r), c, r));
        Content content = new Content(title, author.name(), date.toInstant(), paragraphs);
        byte[] bytes = switch (kind) {
            case "docx" -> OfficeFiles.docx(content);
            case "xlsx" -> spreadsheet(content, date, r);
            case "pdf" -> OfficeFiles.pdf(content);
            case "csv" -> csv(r).getBytes(StandardCharsets.UTF_8);
            default -> (title + "\n\n" + String.join("\n\n", paragraphs) + "\n").getBytes(StandardCharsets.UTF_8);
        };
        return new Attachment(title + "." + kind, contentType(kind), bytes);
    }

    private String title(String kind, Topic topic, String project, ZonedDateTime date, SplittableRandom r) {
        String quarter = "Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear();
        return switch (kind) {
            case "xlsx" -> Lexicon.pick(List.of(project + " Budget " + quarter, "Cost Report Wk" + (1 + r.nextInt(52)),
                    "Media Plan " + quarter, project + " Ultimates", "Headcount " + date.getYear()), r);
            case "csv" -> "box-office-" + lex.pick("territories", r).toLowerCase(Locale.ROOT) + "-" + ISO_DAY.format(date);
            case "txt" -> Lexicon.pick(List.of("meeting-notes-" + ISO_DAY.format(date), "todo", "call notes "
                    + project, "README"), r);
            default -> switch (topic.id()) {
                case "deal" -> Lexicon.pick(List.of(project + " - Deal Memo", project + " Term Sheet"), r);
                case "legal" -> Lexicon.pick(List.of("Clearance Report - " + project, "NDA - "
                        + Lexicon.pick(Company.ORGS, r).name(), "Litigation Hold Notice"), r);
                case "hiring" -> Lexicon.pick(List.of("Offer Letter - " + Lexicon.pick(company.staff, r).name(),
                        "Job Description"), r);
                case "press" -> "Press Release - " + project;
                case "release" -> project + " Release Plan";
                case "outage" -> "Incident Report " + ISO_DAY.format(date);
                default -> project + " - " + Lexicon.pick(List.of("Notes", "Memo", "Overview", "Schedule"), r);
            };
        };
    }

    private static byte[] spreadsheet(Content c, ZonedDateTime date, SplittableRandom r) {
        List<String> header = List.of("Line item", "Budget", "Actual", "Variance");
        List<List<Object>> rows = new ArrayList<>();
        long totalBudget = 0, totalActual = 0;
        for (String item : LINE_ITEMS) {
            long budget = (10 + r.nextInt(2_000)) * 1_000L;
            long actual = budget + (r.nextInt(41) - 15) * budget / 100;
            totalBudget += budget;
            totalActual += actual;
            rows.add(List.of(item, budget, actual, actual - budget));
        }
        rows.add(List.of("Total", totalBudget, totalActual, totalActual - totalBudget));
        return OfficeFiles.xlsx(c, header, rows);
    }

    private String csv(SplittableRandom r) {
        StringBuilder out = new StringBuilder("week,title,screens,gross_usd\n");
        for (int week = 1; week <= 8; week++) {
            String project = lex.pick("projects", r);
            out.append(week).append(",\"").append(project).append("\",").append(100 + r.nextInt(3_900)).append(',')
                    .append((50 + r.nextInt(20_000)) * 1_000L).append('\n');
        }
        return out.toString();
    }
}
