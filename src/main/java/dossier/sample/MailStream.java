package dossier.sample;

import dossier.sample.Company.Person;
import dossier.sample.Lexicon.Topic;
import dossier.sample.Message.Attachment;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces the ordinary mail of the dump one message at a time, in date order: new messages on a department's
 * topics, replies and forwards of recent messages, and mailing-list posts. Only a sliding window of recent
 * messages is kept, so memory stays bounded at any size. Not thread-safe.
 */
final class MailStream {
    private static final int WINDOW = 400;

    private final Company company;
    private final Texts texts;
    private final AttachmentPool pool;
    private final Timeline timeline;
    private final SplittableRandom r;
    private final Lists lists;
    private final Message[] window = new Message[WINDOW];
    private final Topic[] windowTopics = new Topic[WINDOW];
    private int windowCount;
    private long number;

    MailStream(Company company, Texts texts, AttachmentPool pool, Timeline timeline, SplittableRandom r) {
        this.company = company;
        this.texts = texts;
        this.pool = pool;
        this.timeline = timeline;
        this.r = r;
        this.lists = new Lists(company, texts);
    }

    /** Message {@code index} of the timeline: every twentieth is a list post, the rest mostly threads. */
    Message next(int index) {
        number++;
        ZonedDateTime date = timeline.at(index, r).atZone(Company.HOME);
        if (index % 20 == 7) return lists.post(number, date, r);
        int x = r.nextInt(100);
        Message m = null;
        if (windowCount > 0 && x < 30) m = reply(date);
        else if (windowCount > 0 && x < 37) m = forward(date);
        if (m == null) m = fresh(date);
        return m;
    }

    /** A new message (never a reply or list post) at position {@code index} of the timeline. */
    Message fresh(int index) {
        number++;
        return fresh(timeline.at(index, r).atZone(Company.HOME));
    }

    private Message fresh(ZonedDateTime date) {
        boolean external = r.nextInt(100) < 15;
        Topic topic;
        Person from;
        List<Person> to = new ArrayList<>();
        if (external) {
            from = Lexicon.pick(company.externals, r);
            if (from == company.analyst) from = company.externals.get(0);
            topic = topicFor(from);
            to.add(company.activeEmployee(r));
        } else {
            from = company.activeEmployee(r);
            topic = topicFor(from);
            to.add(company.colleague(from, null, r));
            if (!topic.partnerKind().equals("none") && r.nextInt(4) == 0) to.add(0, company.partner(topic.partnerKind(), r));
        }
        for (int extra = r.nextInt(10) < 3 ? 1 + r.nextInt(2) : 0; extra > 0; extra--) add(to, company.colleague(to.get(0), from, r));
        List<Person> cc = new ArrayList<>(), bcc = new ArrayList<>();
        if (r.nextInt(100) < 35) for (int k = 1 + r.nextInt(4); k > 0; k--) add(cc, company.colleague(from, to.get(0), r));
        cc.removeAll(to);
        if (from.internal() && r.nextInt(100) < 3) bcc.add(company.colleague(from, to.get(0), r));

        Texts.Context c = new Texts.Context(from, to.get(0), date, to.get(0).internal() ? null : to.get(0).company());
        String subject = isKumo(from) && r.nextBoolean()
                ? "「" + Lexicon.get().pick("projects", r) + "」公開スケジュールについて"
                : texts.fill(Lexicon.pick(topic.subjects(), r), c, r);
        String body = texts.newBody(topic, c, to.size() > 2, r);
        List<Attachment> attachments = new ArrayList<>();
        if (r.nextInt(100) < 13) {
            for (int k = r.nextInt(5) == 0 ? 2 : 1; k > 0; k--) {
                Attachment a = pool.get(topic, Lexicon.pick(topic.attachmentKinds(), r), r);
                if (!attachments.contains(a)) attachments.add(a);
            }
        }
        Message m = new Message(number, id(from), from, to, cc, bcc, subject, date.withZoneSameInstant(from.zone()), null,
                List.of(), body, r.nextInt(100) < (from.internal() ? 35 : 50), charset(from, body),
                List.copyOf(attachments), null, null);
        remember(m, topic);
        return m;
    }

    private Message reply(ZonedDateTime date) {
        int slot = recentSlot();
        Message parent = window[slot];
        Topic topic = windowTopics[slot];
        Person from = replier(parent);
        if (from == null) return null;
        List<Person> to = List.of(parent.from());
        List<Person> cc = new ArrayList<>();
        if (r.nextInt(100) < 40) {
            for (Person p : parent.to()) if (p != from && p != parent.from()) add(cc, p);
            for (Person p : parent.cc()) if (p != from && p != parent.from()) add(cc, p);
        }
        ZonedDateTime when = after(parent, date).withZoneSameInstant(from.zone());
        Texts.Context c = new Texts.Context(from, parent.from(), when, null);
        String prefix = from.internal() && r.nextBoolean() ? "RE: " : "Re: ";
        String body = texts.replyBody(topic, c, r) + Texts.quote(parent, when, from.internal() && r.nextInt(5) == 0);
        Message m = new Message(number, id(from), from, to, List.copyOf(cc), List.of(), prefix + base(parent.subject()),
                when, parent.messageId(), references(parent), body, parent.html(), charset(from, body), List.of(), null, null);
        remember(m, topic);
        return m;
    }

    private Message forward(ZonedDateTime date) {
        int slot = recentSlot();
        Message parent = window[slot];
        Person from = replier(parent);
        if (from == null || !from.internal()) return null;
        List<Person> to = new ArrayList<>();
        to.add(r.nextInt(10) == 0 ? company.partner(windowTopics[slot].partnerKind(), r) : company.colleague(from, parent.from(), r));
        ZonedDateTime when = after(parent, date).withZoneSameInstant(from.zone());
        Texts.Context c = new Texts.Context(from, to.get(0), when, null);
        String note = Lexicon.pick(List.of("FYI -- see below.", "{to}, can you take a look?", "Please handle.",
                "See below. Thoughts?", "Forwarding for your files."), r);
        boolean asAttachment = r.nextInt(100) < 15;
        String body = texts.fill(note, c, r) + "\n\n" + from.first() + (asAttachment ? "" : Texts.forwardBlock(parent));
        Message attached = asAttachment ? new Message(parent.number(), parent.messageId(), parent.from(), parent.to(),
                parent.cc(), List.of(), parent.subject(), parent.date(), parent.inReplyTo(), parent.references(),
                parent.body(), false, parent.charset(), List.of(), null, null) : null;
        Message m = new Message(number, id(from), from, to, List.of(), List.of(),
                (r.nextBoolean() ? "FW: " : "Fwd: ") + parent.subject(), when, null, List.of(parent.messageId()), body,
                false, charset(from, body), parent.attachments(), attached, null);
        remember(m, windowTopics[slot]);
        return m;
    }

    /** Someone who received the parent and would answer it: an employee if there is one. */
    private Person replier(Message parent) {
        List<Person> candidates = new ArrayList<>();
        for (Person p : parent.to()) if (p != parent.from() && p.internal()) candidates.add(p);
        if (candidates.isEmpty()) for (Person p : parent.to()) if (p != parent.from() && p.org() != null) candidates.add(p);
        if (candidates.isEmpty() || parent.from().email().startsWith("noreply")) return null;
        Person p = Lexicon.pick(candidates, r);
        return p == company.analyst ? null : p;
    }

    private int recentSlot() {
        int newest = (windowCount - 1) % WINDOW;
        int back = r.nextInt(100) < 70 ? r.nextInt(Math.min(windowCount, 40)) : r.nextInt(Math.min(windowCount, WINDOW));
        return Math.floorMod(newest - back, WINDOW);
    }

    private void remember(Message m, Topic topic) {
        int slot = windowCount % WINDOW;
        window[slot] = m;
        windowTopics[slot] = topic;
        windowCount++;
    }

    private ZonedDateTime after(Message parent, ZonedDateTime date) {
        ZonedDateTime earliest = parent.date().plusMinutes(3 + r.nextInt(180));
        return date.isAfter(earliest) ? date : earliest;
    }

    /** The parent's references and id; a long chain keeps its first and its last nine, as mail clients do. */
    private static List<String> references(Message parent) {
        List<String> refs = new ArrayList<>(parent.references());
        refs.add(parent.messageId());
        if (refs.size() <= 10) return List.copyOf(refs);
        List<String> kept = new ArrayList<>(10);
        kept.add(refs.get(0));
        kept.addAll(refs.subList(refs.size() - 9, refs.size()));
        return List.copyOf(kept);
    }

    static String base(String subject) {
        String s = subject;
        while (s.regionMatches(true, 0, "Re: ", 0, 4)) s = s.substring(4);
        return s;
    }

    private Topic topicFor(Person from) {
        List<Topic> candidates = new ArrayList<>();
        for (Topic t : Lexicon.get().topics()) {
            if (from.internal() ? t.departments().contains(from.department()) : t.partnerKind().equals(from.org().kind())) {
                candidates.add(t);
            }
        }
        return candidates.isEmpty() ? Lexicon.get().topic("admin") : Lexicon.pick(candidates, r);
    }

    private String id(Person from) {
        return messageId(from, number, r);
    }

    static String messageId(Person from, long number, SplittableRandom r) {
        String host = from.internal() ? "NWPEXCH0" + (number % 4) + "." + Company.DOMAIN : "mail." + from.email().substring(from.email().indexOf('@') + 1);
        return String.format("<%016X.%d@%s>", r.nextLong(), number, host);
    }

    private static Charset charset(Person from, String body) {
        boolean latin1 = from.org() != null && from.org().latin1() && StandardCharsets.ISO_8859_1.newEncoder().canEncode(body);
        return latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static boolean isKumo(Person p) {
        return p.org() != null && p.org().zone().getId().equals("Asia/Tokyo");
    }

    private static void add(List<Person> list, Person p) {
        if (!list.contains(p) && list.size() < 8) list.add(p);
    }
}
