package dossier.sample;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fictional studio, Northwind Pictures, with its staff and the outside people they write to. Built once per
 * run from the seed; people are held in lists, so every draw is reproducible. Immutable after construction.
 */
final class Company {
    static final String NAME = "Northwind Pictures";
    static final String DOMAIN = "northwind-pictures.com";
    static final ZoneId HOME = ZoneId.of("America/Los_Angeles");
    static final List<String> DEPARTMENTS =
            List.of("Executive", "Legal", "Finance", "Marketing", "Production", "Distribution", "HR", "IT");

    /** An outside organisation: a kind (matching a topic's partner kind), its zone, whether it writes Latin-1. */
    record Org(String name, String domain, String kind, ZoneId zone, boolean latin1) {}

    /** Someone who sends or receives mail; {@code key} names the mailbox folder of an employee. */
    record Person(String key, String first, String name, String email, String department, String title,
            Org org, ZoneId zone) {
        boolean internal() {
            return org == null;
        }

        String company() {
            return internal() ? NAME : org.name();
        }
    }

    static final List<Org> ORGS = List.of(
            new Org("Brightline Talent Agency", "brightline-talent.example.com", "agency", HOME, false),
            new Org("Cavendish & Stroud LLP", "cavendish-stroud.example.com", "lawfirm", HOME, false),
            new Org("Hartwell Crane LLP", "hartwellcrane.example.com", "lawfirm", ZoneId.of("America/New_York"), false),
            new Org("The Hollywood Ledger", "hollywoodledger.example.com", "press", HOME, false),
            new Org("Marquee Daily", "marqueedaily.example.com", "press", ZoneId.of("America/New_York"), false),
            new Org("First Coastal Bank", "firstcoastal.example.com", "bank", HOME, false),
            new Org("Pixelforge VFX", "pixelforge.example.com", "vendor", ZoneId.of("Europe/London"), false),
            new Org("Datacore Systems", "datacore.example.net", "vendor", ZoneId.of("America/Chicago"), false),
            new Org("Grand Screen Cinemas", "grandscreen.example.com", "exhibitor", ZoneId.of("America/Chicago"), false),
            new Org("Kumo Films", "kumo-films.example.com", "exhibitor", ZoneId.of("Asia/Tokyo"), false),
            new Org("Filmes Solano", "solano-films.example.com", "agency", ZoneId.of("Europe/Madrid"), true),
            new Org("Müller Filmverleih", "mueller-verleih.example.com", "exhibitor", ZoneId.of("Europe/Berlin"), true),
            new Org("Larkspur Institute", "larkspur.example.org", "thinktank", HOME, false));

    private static final Map<String, List<String>> TITLES = Map.of(
            "Executive", List.of("Executive Assistant", "Chief of Staff", "EVP Corporate Development", "Senior Advisor"),
            "Legal", List.of("Senior Counsel", "Counsel", "Paralegal", "VP Business Affairs", "Legal Assistant"),
            "Finance", List.of("Financial Analyst", "Controller", "Senior Accountant", "VP Finance", "Payroll Specialist"),
            "Marketing", List.of("Marketing Manager", "Publicist", "VP Publicity", "Creative Director", "Research Analyst"),
            "Production", List.of("Line Producer", "Production Coordinator", "VP Physical Production", "Post Supervisor"),
            "Distribution", List.of("Sales Manager", "VP Domestic Distribution", "Booker", "International Sales Executive"),
            "HR", List.of("HR Generalist", "Recruiter", "Benefits Manager", "VP Human Resources"),
            "IT", List.of("Systems Administrator", "Help Desk Analyst", "Network Engineer", "IT Director", "Security Analyst"));

    /** The named executives; the planted story in {@link Story} is between the first and Larkspur's analyst. */
    private static final String[][] EXECUTIVES = {
            {"Richard", "Calloway", "Executive", "Chairman and Chief Executive Officer"},
            {"Judith", "Harlow", "Executive", "Co-Chairman"},
            {"Leonard", "Voss", "Legal", "General Counsel"},
            {"Patricia", "Nakamura", "Finance", "Chief Financial Officer"},
            {"Gloria", "Estevez", "HR", "EVP Human Resources"},
            {"Martin", "Kessler", "IT", "Chief Information Officer"},
            {"Andrea", "Bloom", "Marketing", "President, Worldwide Marketing"},
            {"Victor", "Salas", "Distribution", "President, Worldwide Distribution"},
            {"Samuel", "Price", "Production", "President, Production"},
    };

    private static final String[][] FOREIGN = {
            {"Kumo Films", "田中 裕子", "Yuko", "y.tanaka"}, {"Kumo Films", "佐藤 健", "Ken", "k.sato"},
            {"Kumo Films", "鈴木 美咲", "Misaki", "m.suzuki"},
            {"Filmes Solano", "José Núñez", "José", "jose.nunez"}, {"Filmes Solano", "Inés Muñoz", "Inés", "ines.munoz"},
            {"Müller Filmverleih", "Jürgen Schäfer", "Jürgen", "j.schaefer"},
            {"Müller Filmverleih", "Zoë Müller", "Zoë", "z.mueller"},
    };

    final List<Person> staff = new ArrayList<>();
    final List<Person> externals = new ArrayList<>();
    final Map<String, List<Person>> byDepartment = new LinkedHashMap<>();
    final Map<String, List<Person>> byPartnerKind = new LinkedHashMap<>();
    /** Cumulative sender weights over {@link #staff}: a few people write most of the mail, as in real dumps. */
    private final double[] activity;
    final Person ceo;
    final Person analyst;
    final Person helpdesk;
    final Person noreply;
    final Person communications;

    Company(int people, SplittableRandom random) {
        Lexicon lex = Lexicon.get();
        Set<String> used = new HashSet<>();
        for (String[] e : EXECUTIVES) staff.add(employee(e[0], e[0] + " " + e[1], e[2], e[3], used));
        List<String> accented = lex.list("accented");
        int accentedStaff = 0;
        while (staff.size() < people) {
            String department = pickDepartment(random);
            String title = Lexicon.pick(TITLES.get(department), random);
            String name = accentedStaff < 4 && staff.size() % 7 == 3
                    ? accented.get(accentedStaff++)
                    : lex.pick("first", random) + " " + lex.pick("last", random);
            staff.add(employee(name.substring(0, name.indexOf(' ')), name, department, title, used));
        }
        for (String department : DEPARTMENTS) byDepartment.put(department, new ArrayList<>());
        for (Person p : staff) byDepartment.get(p.department()).add(p);
        ceo = staff.get(0);
        communications = staff.get(6);

        for (String[] f : FOREIGN) externals.add(external(f[1], f[2], f[3], org(f[0]), "Acquisitions"));
        int perOrg = Math.max(2, Math.min(40, people / 60));
        for (Org org : ORGS) {
            if (org.kind().equals("thinktank")) continue;
            for (int i = 0; i < perOrg; i++) {
                String first = lex.pick("first", random), last = lex.pick("last", random);
                String local = ascii(first + "." + last);
                for (int n = 2; !used.add(local + "@" + org.domain()); n++) local = ascii(first + "." + last) + n;
                externals.add(external(first + " " + last, first, local, org, partnerTitle(org.kind())));
            }
        }
        analyst = external("Elias Brandt", "Elias", "elias.brandt", org("Larkspur Institute"), "Senior Policy Analyst");
        externals.add(analyst);
        for (Person p : externals) byPartnerKind.computeIfAbsent(p.org().kind(), k -> new ArrayList<>()).add(p);
        helpdesk = new Person("helpdesk", "Help Desk", "NWP Help Desk", "helpdesk@" + DOMAIN, "IT", "", null, HOME);
        noreply = new Person("noreply", "", "", "noreply@" + DOMAIN, "IT", "", null, HOME);

        activity = new double[staff.size()];
        double sum = 0;
        for (int i = 0; i < staff.size(); i++) {
            // Executives and a long tail: Zipf-like weights in a shuffled rank order.
            int rank = i < EXECUTIVES.length ? i + 1 : 1 + random.nextInt(staff.size());
            sum += 1.0 / Math.pow(rank, 0.7);
            activity[i] = sum;
        }
    }

    /** About one person per 80 emails, at least 20, at most the Sony scale. */
    static int peopleFor(int emails) {
        return Math.max(20, Math.min(2_500, emails / 80));
    }

    Person activeEmployee(SplittableRandom random) {
        double x = random.nextDouble() * activity[activity.length - 1];
        int lo = 0, hi = activity.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (activity[mid] < x) lo = mid + 1; else hi = mid;
        }
        return staff.get(lo);
    }

    /** A colleague, usually from the same department, never {@code not}. */
    Person colleague(Person of, Person not, SplittableRandom random) {
        for (int attempt = 0; attempt < 8; attempt++) {
            List<Person> pool = random.nextInt(10) < 7 && of.internal() ? byDepartment.get(of.department()) : staff;
            Person p = Lexicon.pick(pool, random);
            if (p != of && p != not) return p;
        }
        return staff.get(of == staff.get(1) || not == staff.get(1) ? 2 : 1);
    }

    Person partner(String kind, SplittableRandom random) {
        List<Person> pool = byPartnerKind.get(kind);
        if (pool == null) pool = externals;
        Person p = Lexicon.pick(pool, random);
        return p == analyst ? externals.get(0) : p;
    }

    private static String pickDepartment(SplittableRandom random) {
        int x = random.nextInt(100);
        if (x < 20) return "Production";
        if (x < 38) return "Marketing";
        if (x < 53) return "Distribution";
        if (x < 65) return "Finance";
        if (x < 75) return "IT";
        if (x < 83) return "Legal";
        if (x < 90) return "HR";
        return "Executive";
    }

    private static Org org(String name) {
        for (Org org : ORGS) if (org.name().equals(name)) return org;
        throw new IllegalArgumentException(name);
    }

    private static String partnerTitle(String kind) {
        return switch (kind) {
            case "agency" -> "Agent";
            case "lawfirm" -> "Partner";
            case "press" -> "Reporter";
            case "bank" -> "Relationship Manager";
            case "vendor" -> "Account Manager";
            default -> "Head of Programming";
        };
    }

    private static Person employee(String first, String name, String department, String title, Set<String> used) {
        String local = ascii(name.replace(' ', '.'));
        String key = local;
        for (int n = 2; !used.add(key); n++) key = local + n;
        return new Person(key, first, name, key + "@" + DOMAIN, department, title, null, HOME);
    }

    private static Person external(String name, String first, String local, Org org, String title) {
        return new Person(local, first, name, local + "@" + org.domain(), "", title, org, org.zone());
    }

    /** Folds accents for an address: "Björn Åkesson" becomes "bjorn.akesson", "O'Brien" becomes "obrien". */
    static String ascii(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }
}
