package dossier.sample;

import dossier.sample.Company.Person;
import dossier.sample.Message.Attachment;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The planted messages that demos and tests search for; see {@link SampleGenerator} for the search terms. They
 * are the same for every seed, so their text, ids and dates can be relied on.
 */
final class Story {
    private Story() {}

    static final String KEYWORD = "Quillfeather";
    private static final String HOST = "@mail.northwind-pictures.com>";

    /** The Quillfeather thread, oldest first: CEO and Larkspur's analyst, then the CEO forwards to counsel. */
    static List<Message> quillfeather(Company co) {
        Person ceo = co.ceo, analyst = co.analyst, counsel = co.staff.get(2), cochair = co.staff.get(1);
        List<Message> out = new ArrayList<>();
        Message ask = message(1, ceo, List.of(analyst), List.of(), "Glass Harbor ending - a favor",
                at("2014-06-10T09:12:40"), null, """
                Elias,

                As we discussed at the board dinner, I would value your candid read on the ending of Glass Harbor \
                before we lock picture. The final sequence shows the collapse of the regime in the fictional \
                republic of Varkesh, and our distributors in Asia are nervous about it.

                Internally we are calling this review Quillfeather. Please use that name in anything you send, \
                and keep it between us for now.

                Richard""", List.of());
        out.add(ask);
        Message answer = reply(2, ask, analyst, List.of(), at("2014-06-11T07:45:03"), """
                Richard,

                Happy to help. I watched the cut last night. The Quillfeather sequence is strong filmmaking, but \
                the depiction of the Varkesh leadership is specific enough that I would expect an official \
                reaction, and possibly more than that.

                I suggest your security team run a tabletop exercise before release. I will send a short risk \
                assessment by Friday.

                Elias""");
        out.add(answer);
        Attachment pdf = new Attachment("Quillfeather - Risk Assessment.pdf", "application/pdf", OfficeFiles.pdf(
                new OfficeFiles.Content("Quillfeather - Risk Assessment", analyst.name(), at("2014-06-13T10:00:00").toInstant(),
                        List.of("Prepared for Richard Calloway, Northwind Pictures. Confidential.",
                                "Summary: the Quillfeather ending of Glass Harbor is likely to provoke an official protest "
                                        + "from Varkesh and a campaign against the studio's partners abroad.",
                                "Recommendations: a tabletop exercise with IT security and legal; review of network "
                                        + "access for contractors; a holding statement for the press.",
                                "Elias Brandt, Senior Policy Analyst, Larkspur Institute."))));
        Message assessment = message(3, analyst, List.of(ceo), List.of(), "Quillfeather risk assessment",
                at("2014-06-13T11:20:15"), ask, """
                Richard,

                Attached is the Quillfeather risk assessment. The short version: tone down the final scene if you \
                can, and run the tabletop exercise either way.

                Elias""", List.of(pdf));
        out.add(assessment);
        out.add(reply(4, assessment, ceo, List.of(), at("2014-06-13T16:02:51"), """
                Thank you, Elias. Sobering reading. I will talk to the filmmakers about the final scene.

                Richard"""));
        Message forward = message(5, ceo, List.of(counsel), List.of(cochair), "Fwd: Quillfeather risk assessment",
                at("2014-06-14T08:30:00"), null, """
                Leonard, Judith -

                Please read Elias's assessment below. Let's keep the Quillfeather discussion to the three of us.

                Richard""" + Texts.forwardBlock(assessment), List.of(pdf));
        out.add(forward);
        out.add(reply(6, forward, counsel, List.of(cochair), at("2014-06-16T10:05:44"), """
                Richard,

                I have read it. I recommend we preserve all Quillfeather materials and brief outside counsel this week.

                Leonard"""));
        return out;
    }

    /**
     * An HR message with a bystander's personal data, for the redaction policy: an SSN, a date of birth next
     * to "DOB", a Luhn-valid card number and an IBAN (all well-known test values).
     */
    static Message bystander(Company co) {
        Person hr = co.staff.get(4), cfo = co.staff.get(3);
        return message(7, hr, List.of(cfo), List.of(), "Direct deposit change - new hire",
                at("2013-09-05T14:21:09"), null, """
                Patricia,

                Please update payroll for our new hire in Distribution before the next run:

                Name: Sarah Lindgren
                SSN: 078-05-1120
                DOB: 04/12/1981
                Corporate card: 4111 1111 1111 1111
                Bank account (IBAN): GB82 WEST 1234 5698 7654 32

                Thanks,
                Gloria""", List.of());
    }

    private static Message message(int n, Person from, List<Person> to, List<Person> cc, String subject,
            ZonedDateTime date, Message parent, String body, List<Attachment> attachments) {
        List<String> refs = parent == null ? List.of() : List.of(parent.messageId());
        return new Message(1_000_000_000L + n, "<" + date.toLocalDate().toString().replace("-", "") + ".QF" + n + HOST, from, to, cc,
                List.of(), subject, date.withZoneSameInstant(from.zone()), parent == null ? null : parent.messageId(),
                refs, body, false, StandardCharsets.UTF_8, attachments, null, null);
    }

    private static Message reply(int n, Message parent, Person from, List<Person> cc, ZonedDateTime date, String text) {
        List<String> refs = new ArrayList<>(parent.references());
        refs.add(parent.messageId());
        Message base = message(n, from, List.of(parent.from()), cc, "Re: " + parent.subject(), date, parent,
                text + Texts.quote(parent, date, false), List.of());
        return new Message(base.number(), base.messageId(), from, base.to(), cc, List.of(), base.subject(), base.date(),
                parent.messageId(), List.copyOf(refs), base.body(), false, StandardCharsets.UTF_8, List.of(), null, null);
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(Company.HOME);
    }
}
