package dossier.sample;

import dossier.sample.Company.Person;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The company's mailing lists, each archived as one mbox: staff announcements, IT alerts, and the daily press
 * clips, whose lines start with "From The Hollywood Ledger:" and so must be quoted as ">From " in the mbox.
 */
final class Lists {
    /** List addresses; the key names the mbox file. */
    static final List<Person> ALL = List.of(
            list("all-staff", "All Staff"), list("it-alerts", "IT Alerts"), list("press-clips", "Press Clips"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final List<String> HEADLINES = List.of(
            "{project} tops the weekend box office with {amount}",
            "{org} says {project} reshoots are adding {amount2} to the budget",
            "Northwind Pictures dates {project} for {date}",
            "Review: {project} is a crowd pleaser with a soft middle",
            "Studio chiefs gather in {city} as overseas grosses climb",
            "{project} trailer breaks studio record with {number} million views");
    private static final List<String> ANNOUNCEMENTS = List.of(
            "Please join me in welcoming {person}, who joins us as {title}.",
            "The town hall is on {weekday} at {time} in the commissary; questions can be sent in advance.",
            "Open enrollment for benefits closes on {date}.",
            "The offices will be closed on {date}. Have a good break.",
            "Congratulations to the {project} team on a terrific opening weekend.",
            "Parking structure B will be closed for repairs starting {weekday}.");

    private final Company company;
    private final Texts texts;
    private int posts;

    Lists(Company company, Texts texts) {
        this.company = company;
        this.texts = texts;
    }

    /** The next post, cycling through the lists so that each has mail even in a small dump. */
    Message post(long number, ZonedDateTime date, SplittableRandom r) {
        Person list = ALL.get(posts++ % ALL.size());
        Person from = switch (list.key()) {
            case "it-alerts" -> company.helpdesk;
            case "press-clips" -> company.communications;
            default -> r.nextBoolean() ? company.ceo : company.staff.get(4);
        };
        Texts.Context c = new Texts.Context(from, null, date, null);
        String subject;
        StringBuilder body = new StringBuilder();
        String pixel = null;
        switch (list.key()) {
            case "it-alerts" -> {
                Lexicon.Topic outage = Lexicon.get().topic("outage");
                subject = texts.fill(Lexicon.pick(outage.subjects(), r), c, r);
                body.append(texts.fill(Lexicon.pick(outage.bodies(), r), c, r)).append(' ')
                        .append(texts.fill(Lexicon.pick(outage.bodies(), r), c, r))
                        .append("\n\nNWP Help Desk\nx4357 | helpdesk@").append(Company.DOMAIN);
            }
            case "press-clips" -> {
                subject = "Press clips - " + DAY.format(date);
                body.append("Today's coverage:\n\n");
                for (int k = 2 + r.nextInt(3); k > 0; k--) {
                    Company.Org org = Company.ORGS.get(3 + r.nextInt(2));
                    body.append("From ").append(org.name()).append(": ")
                            .append(texts.fill(Lexicon.pick(HEADLINES, r), c, r)).append("\n\n");
                }
                body.append("Full articles are on the publicity share.\n\n").append(from.name());
                pixel = "http://" + Company.ORGS.get(3).domain() + "/t/open.gif?c=" + number;
            }
            default -> {
                subject = r.nextBoolean() ? "Announcement" : "A note from " + from.name();
                body.append("Dear colleagues,\n\n").append(texts.fill(Lexicon.pick(ANNOUNCEMENTS, r), c, r))
                        .append("\n\n").append(from.name()).append('\n').append(from.title());
            }
        }
        return new Message(number, MailStream.messageId(from, number, r), from, List.of(list), List.of(), List.of(),
                subject, date, null, List.of(), body.toString(), pixel != null, StandardCharsets.UTF_8, List.of(),
                null, pixel);
    }

    private static Person list(String key, String name) {
        return new Person(key, "", name, key + "@" + Company.DOMAIN, "", "", null, Company.HOME);
    }
}
