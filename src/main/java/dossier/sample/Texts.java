package dossier.sample;

import dossier.sample.Company.Person;
import dossier.sample.Lexicon.Topic;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills topic templates and composes bodies: greeting, sentences, sign-off, signature, quoted history.
 * Every choice comes from the caller's random, so the text is reproducible. Stateless apart from the company.
 */
final class Texts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final DateTimeFormatter GMAIL = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a", Locale.US);
    private static final DateTimeFormatter OUTLOOK = DateTimeFormatter.ofPattern("EEEE, MMMM dd, yyyy h:mm a", Locale.US);
    static final int QUOTE_LINES = 60;

    private final Company company;
    private final Lexicon lex = Lexicon.get();

    Texts(Company company) {
        this.company = company;
    }

    /** What a template's placeholders refer to. */
    record Context(Person from, Person to, ZonedDateTime date, String org) {}

    String fill(String template, Context c, SplittableRandom r) {
        StringBuilder out = new StringBuilder(template.length() + 40);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) break;
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            out.append(value(template.substring(open + 1, close), c, r));
            i = close + 1;
        }
        return out.append(template, i, template.length()).toString();
    }

    private String value(String name, Context c, SplittableRandom r) {
        return switch (name) {
            case "to" -> c.to() == null ? "all" : c.to().first();
            case "from" -> c.from().first();
            case "person" -> Lexicon.pick(company.staff, r).name();
            case "project", "project2" -> lex.pick("projects", r);
            case "amount", "amount2" -> amount(r);
            case "pct" -> String.valueOf(3 + r.nextInt(38));
            case "date" -> DAY.format(c.date().plusDays(3 + r.nextInt(60)));
            case "weekday" -> lex.pick("weekdays", r);
            case "quarter" -> "Q" + ((c.date().getMonthValue() - 1) / 3 + 1) + " " + c.date().getYear();
            case "year" -> String.valueOf(c.date().getYear() + r.nextInt(2));
            case "territory" -> lex.pick("territories", r);
            case "city" -> lex.pick("cities", r);
            case "system" -> lex.pick("systems", r);
            case "org" -> c.org() != null ? c.org() : Lexicon.pick(Company.ORGS, r).name();
            case "number" -> String.valueOf(2 + r.nextInt(19));
            case "time" -> (1 + r.nextInt(12)) + (r.nextBoolean() ? ":00" : ":30") + (r.nextBoolean() ? " am" : " pm");
            case "title" -> Lexicon.pick(company.staff, r).title();
            default -> throw new IllegalArgumentException("unknown placeholder {" + name + "}");
        };
    }

    static String amount(SplittableRandom r) {
        if (r.nextInt(3) == 0) return String.format(Locale.US, "$%,d", (50 + r.nextInt(950)) * 1_000);
        return String.format(Locale.US, "$%.1f million", 0.5 + r.nextInt(900) / 10.0);
    }

    /** A new message: greeting, two to five sentences in one or two paragraphs, sign-off, maybe a signature. */
    String newBody(Topic topic, Context c, boolean group, SplittableRandom r) {
        StringBuilder out = new StringBuilder(greeting(c, group, r));
        List<String> sentences = sentences(topic.bodies(), 2 + r.nextInt(4), c, r);
        int split = sentences.size() > 2 && r.nextBoolean() ? sentences.size() / 2 : sentences.size();
        out.append(String.join(" ", sentences.subList(0, split)));
        if (split < sentences.size()) out.append("\n\n").append(String.join(" ", sentences.subList(split, sentences.size())));
        return out.append(signOff(c.from(), r)).toString();
    }

    /** A reply's own text, above the quoted history. */
    String replyBody(Topic topic, Context c, SplittableRandom r) {
        StringBuilder out = new StringBuilder(r.nextInt(3) == 0 ? greeting(c, false, r) : "");
        out.append(fill(Lexicon.pick(topic.replies(), r), c, r));
        if (r.nextInt(3) == 0) out.append(' ').append(fill(Lexicon.pick(topic.bodies(), r), c, r));
        return out.append(signOff(c.from(), r)).toString();
    }

    private List<String> sentences(List<String> pool, int n, Context c, SplittableRandom r) {
        // A partial shuffle: n distinct sentences in random order.
        int[] order = new int[pool.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < Math.min(n, order.length); k++) {
            int j = k + r.nextInt(order.length - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
            out.add(fill(pool.get(order[k]), c, r));
        }
        return out;
    }

    private static String greeting(Context c, boolean group, SplittableRandom r) {
        Company.Org org = c.from().org();
        String to = group || c.to() == null ? "all" : c.to().first();
        if (org != null && org.domain().startsWith("solano")) return "Hola " + to + ",\n\n";
        if (org != null && org.domain().startsWith("mueller")) return "Hallo " + to + ",\n\n";
        return switch (r.nextInt(4)) {
            case 0 -> "Hi " + to + ",\n\n";
            case 1 -> capitalize(to) + " -\n\n";
            case 2 -> capitalize(to) + ",\n\n";
            default -> "";
        };
    }

    private static String signOff(Person from, SplittableRandom r) {
        Company.Org org = from.org();
        if (org != null && org.domain().startsWith("solano")) return "\n\nUn saludo,\n" + from.name() + "\n" + org.name() + ", Madrid";
        if (org != null && org.domain().startsWith("mueller")) return "\n\nViele Grüße aus Berlin,\n" + from.name();
        if (org != null && org.domain().startsWith("kumo")) return "\n\nよろしくお願いいたします。\n" + from.name() + "\n" + org.name() + " / Tokyo";
        return switch (r.nextInt(6)) {
            case 0 -> "\n\nThanks,\n" + from.first();
            case 1 -> "\n\nBest,\n" + from.name() + signature(from);
            case 2 -> "\n\nSent from my BlackBerry";
            case 3 -> "\n\nSent from my iPhone";
            case 4 -> "\n\n" + from.name() + signature(from);
            default -> "\n\n-" + from.first().charAt(0);
        };
    }

    private static String signature(Person p) {
        if (!p.internal()) return "\n" + p.title() + "\n" + p.company();
        return "\n" + p.title() + " | " + p.department() + "\n" + Company.NAME + "\n1200 Northwind Way, Burbank, CA 91505"
                + "\nT +1 818 555 01" + String.format(Locale.US, "%02d", Math.floorMod(p.key().hashCode(), 100));
    }

    /** "On <date>, <name> wrote:" and the previous body, each line behind "> ", at most {@link #QUOTE_LINES}. */
    static String quote(Message parent, ZonedDateTime replyZoneTime, boolean outlook) {
        ZonedDateTime when = parent.date().withZoneSameInstant(replyZoneTime.getZone());
        List<String> lines = List.of(parent.body().split("\n", -1));
        if (lines.size() > QUOTE_LINES) lines = lines.subList(0, QUOTE_LINES);
        StringBuilder out = new StringBuilder("\n\n");
        if (outlook) {
            out.append("-----Original Message-----\nFrom: ").append(parent.from().name().isEmpty() ? parent.from().email() : parent.from().name())
                    .append("\nSent: ").append(OUTLOOK.format(when)).append("\nTo: ").append(names(parent.to()))
                    .append("\nSubject: ").append(parent.subject()).append("\n\n");
            for (String line : lines) out.append(line).append('\n');
        } else {
            out.append("On ").append(GMAIL.format(when)).append(", ").append(parent.from().name()).append(" <").append(parent.from().email()).append("> wrote:\n\n");
            for (String line : lines) out.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** The inline header block Gmail puts above a forwarded message. */
    static String forwardBlock(Message parent) {
        List<String> lines = List.of(parent.body().split("\n", -1));
        if (lines.size() > QUOTE_LINES) lines = lines.subList(0, QUOTE_LINES);
        return "\n\n---------- Forwarded message ----------\nFrom: " + parent.from().name() + " <" + parent.from().email()
                + ">\nDate: " + GMAIL.format(parent.date()) + "\nSubject: " + parent.subject() + "\nTo: "
                + names(parent.to()) + "\n\n" + String.join("\n", lines);
    }

    private static String names(List<Person> people) {
        List<String> out = new ArrayList<>();
        for (Person p : people) out.add(p.name().isEmpty() ? p.email() : p.name());
        return String.join("; ", out);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
