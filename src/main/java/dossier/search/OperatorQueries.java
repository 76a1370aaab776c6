package dossier.search;

import dossier.index.AddressTerms;
import dossier.index.Schema;
import dossier.model.Kind;
import dossier.search.QueryLexer.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns one {@code name:value} operator into a query on the field {@link Schema} names for it; the operators and
 * their meaning are listed in {@link Operators#HELP}. A bad value is a {@link QueryException} pointing at it.
 * Thread-safe.
 */
final class OperatorQueries {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE);

    /** Far beyond any file, and far enough from Long.MAX_VALUE that larger: can add one. */
    private static final BigDecimal MAX_SIZE = BigDecimal.valueOf(1L << 60);

    private final TextQueries text;

    OperatorQueries(TextQueries text) {
        this.text = text;
    }

    /** Whether the operator's matches should be ranked by relevance (text), or merely filtered. */
    static boolean scores(String op) {
        return op.equals("subject") || op.equals("filename");
    }

    /** The query for {@code op:value}; null if the value has nothing searchable in it. */
    Query build(String op, Value v) throws QueryException {
        return switch (op) {
            case "from" -> address(List.of(Schema.FROM), op, v);
            case "to" -> address(List.of(Schema.TO), op, v);
            case "cc" -> address(List.of(Schema.CC), op, v);
            case "bcc" -> address(List.of(Schema.BCC), op, v);
            case "participant" -> address(Schema.PARTICIPANT_FIELDS, op, v);
            case "domain" -> domain(v);
            case "subject" -> text.subject(v);
            case "filename" -> text.filename(v);
            case "kind" -> kind(v);
            case "type" -> type(v);
            case "has" -> has(v);
            case "lang" -> keyword(Schema.LANG, op, v, "");
            case "messageid" -> messageId(v);
            case "date" -> date(v);
            case "after" -> LongPoint.newRangeQuery(Schema.DATE, period(op, v, v.text(), v.column()).start(),
                    Long.MAX_VALUE);
            case "before" -> LongPoint.newRangeQuery(Schema.DATE, Long.MIN_VALUE,
                    period(op, v, v.text(), v.column()).start() - 1);
            case "larger" -> LongPoint.newRangeQuery(Schema.SIZE, size(op, v) + 1, Long.MAX_VALUE);
            case "smaller" -> LongPoint.newRangeQuery(Schema.SIZE, Long.MIN_VALUE, size(op, v) - 1);
            case "id" -> ids(op, v);
            case "thread" -> NumericDocValuesField.newSlowExactQuery(Schema.THREAD, number(op, v, v.text(), v.column()));
            case "parent" -> LongPoint.newExactQuery(Schema.PARENT, number(op, v, v.text(), v.column()));
            default -> throw new IllegalArgumentException("no query for operator " + op); // a bug: see Operators
        };
    }

    /**
     * Every term {@link AddressTerms#queryTerms} makes of the value, all required, each in any of the fields; a
     * trailing {@code *} makes the last one a prefix, and {@code from:*} alone matches any value. Unquoted, a
     * {@code *} or {@code ?} anywhere else makes its word a {@link #patterns pattern}.
     */
    private static Query address(List<String> fields, String op, Value v) throws QueryException {
        String value = pasted(v.text());
        boolean prefix = !v.escaped() && value.endsWith("*");
        if (prefix) value = value.substring(0, value.length() - 1);
        if (!v.escaped() && !v.quoted() && Patterns.isWildcard(value)) return patterns(fields, op, pasted(v.text()), v);
        List<String> terms = AddressTerms.queryTerms(value);
        if (terms.isEmpty() && !prefix) throw new QueryException(op + ": needs an address or a name", v.column());
        if (terms.isEmpty()) return anyField(fields, "", true);
        if (terms.size() == 1 && !prefix) return joinedWord(fields, terms.get(0));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            Query q = anyField(fields, terms.get(i), prefix && i == terms.size() - 1);
            if (terms.size() == 1) return q;
            b.add(q, Occur.MUST);
        }
        return b.build();
    }

    /**
     * An unquoted value with wildcards: each word (at spaces and commas) is a pattern on the fields' terms
     * ({@code from:*killing} finds skilling, {@code from:j*@enron.com} a whole address, {@code domain:*.com}) or,
     * without wildcards, a term as {@link #joinedWord}; all words are required. Quoted, {@code ?} stays a character:
     * names mis-decoded as {@code J?rg} are searched as written.
     */
    private static Query patterns(List<String> fields, String op, String value, Value v) throws QueryException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        Query last = null;
        for (String word : value.strip().split("[\\s,]+")) {
            String k = Schema.keyword(word);
            if (k.isEmpty()) continue;
            last = Patterns.isWildcard(k) ? anyFieldPattern(fields, k, v) : joinedWord(fields, Schema.term(k));
            b.add(last, Occur.MUST);
            n++;
        }
        if (n == 0) throw new QueryException(op + ": needs an address or a name", v.column());
        return n == 1 ? last : b.build();
    }

    private static Query anyFieldPattern(List<String> fields, String pattern, Value v) throws QueryException {
        if (fields.size() == 1) return Patterns.wildcard(fields.get(0), pattern, v.text(), v.column());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : fields) b.add(Patterns.wildcard(field, pattern, v.text(), v.column()), Occur.SHOULD);
        return new ConstantScoreQuery(b.build());
    }

    /**
     * The value as searched: an address pasted with its angle brackets or name ({@code Jeff <jeff@enron.com>}) is the
     * address alone, and a leading @ ({@code from:@enron.com}) is dropped, leaving the domain, under which every
     * address there is found.
     */
    private static String pasted(String value) {
        String v = value.strip();
        int open = v.lastIndexOf('<');
        if (open >= 0 && v.endsWith(">") && v.indexOf('@', open) > open) v = v.substring(open + 1, v.length() - 1).strip();
        return v.startsWith("@") ? v.substring(1) : v;
    }

    /**
     * One term, or, for a word joined by an apostrophe or hyphen ({@code o'donnell}, {@code jean-luc}), also its parts:
     * names are indexed by their words ({@code Arthur O'Donnell} as {@code arthur o donnell}). A value with @ or a dot
     * is an address, local part or domain, indexed whole, and stays exact.
     */
    private static Query joinedWord(List<String> fields, String term) {
        List<String> parts = AddressTerms.queryTerms(term.replaceAll("[^\\p{L}\\p{N}.@]+", " "));
        if (term.indexOf('@') >= 0 || term.indexOf('.') >= 0 || parts.size() < 2) return anyField(fields, term, false);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String w : parts) words.add(anyField(fields, w, false), Occur.MUST);
        return new BooleanQuery.Builder().add(anyField(fields, term, false), Occur.SHOULD)
                .add(words.build(), Occur.SHOULD).build();
    }

    /**
     * The term (or prefix) in any of the fields; a term with CJK characters is found anywhere inside an indexed term
     * ({@link Patterns#within}: {@code from:吉田} finds 吉田学). Over several fields the score is constant: summing
     * each field's score would rank an address by how many roles it has, which one field holding every role never did.
     */
    private static Query anyField(List<String> fields, String term, boolean prefix) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean cjk = Patterns.hasCjk(term);
        for (String field : fields) {
            Term t = new Term(field, term);
            Query q = cjk ? Patterns.within(field, term) : prefix ? new PrefixQuery(t) : new TermQuery(t);
            if (fields.size() == 1) return q;
            b.add(q, Occur.SHOULD);
        }
        return new ConstantScoreQuery(b.build());
    }

    /** {@code domain:rand.org}, or unquoted with wildcards {@code domain:*.com}, {@code domain:enron.*}. */
    private static Query domain(Value v) throws QueryException {
        String k = Schema.keyword(v.text());
        if (k.startsWith("@")) k = k.substring(1);
        if (v.escaped() || v.quoted() || !Patterns.isWildcard(k)) return keyword(Schema.DOMAIN, "domain", v, "@");
        return Patterns.wildcard(Schema.DOMAIN, k, v.text(), v.column());
    }

    /** A lower-cased keyword term, without a leading {@code strip} character (the @ of a domain, the . of a type). */
    private static Query keyword(String field, String op, Value v, String strip) throws QueryException {
        String k = Schema.keyword(v.text());
        if (!strip.isEmpty() && k.startsWith(strip)) k = k.substring(strip.length());
        if (k.isEmpty()) throw new QueryException(op + ": needs a value", v.column());
        return new TermQuery(new Term(field, Schema.term(k)));
    }

    /** Extensions that name one type two ways: {@code type:jpeg} finds {@code .jpg} files too. */
    private static final List<Set<String>> SAME_TYPE = List.of(Set.of("jpg", "jpeg", "jpe"), Set.of("tif", "tiff"),
            Set.of("htm", "html"), Set.of("mpg", "mpeg"), Set.of("yml", "yaml"), Set.of("eml", "email"));

    private static Query type(Value v) throws QueryException {
        Query one = keyword(Schema.TYPE, "type", v, ".");
        String k = ((TermQuery) one).getTerm().text();
        for (Set<String> same : SAME_TYPE) {
            if (!same.contains(k)) continue;
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String t : same.stream().sorted().toList()) b.add(new TermQuery(new Term(Schema.TYPE, t)), Occur.SHOULD);
            return new ConstantScoreQuery(b.build());
        }
        return one;
    }

    private static Query kind(Value v) throws QueryException {
        Kind k = Kind.parse(v.text().strip());
        if (k == null) {
            throw new QueryException("unknown kind \"" + v.text() + "\" (expected email, attachment or document)",
                    v.column());
        }
        return new TermQuery(new Term(Schema.KIND, k.label()));
    }

    private static Query has(Value v) throws QueryException {
        String k = Schema.keyword(v.text());
        if (!k.equals("attachment") && !k.equals("attachments")) {
            throw new QueryException("unknown has:" + v.text() + " (expected has:attachment)", v.column());
        }
        return new TermQuery(new Term(Schema.HAS, "attachment"));
    }

    /** The Message-ID as given and lower-cased, since the header's case is not reliably kept by mail software. */
    private static Query messageId(Value v) throws QueryException {
        String id = v.text().strip();
        if (id.startsWith("<")) id = id.substring(1);
        if (id.endsWith(">")) id = id.substring(0, id.length() - 1);
        if (id.isEmpty()) throw new QueryException("messageid: needs a Message-ID", v.column());
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.equals(id)) return new TermQuery(new Term(Schema.MESSAGE_ID, Schema.term(id)));
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.MESSAGE_ID, Schema.term(id))), Occur.SHOULD)
                .add(new TermQuery(new Term(Schema.MESSAGE_ID, Schema.term(lower))), Occur.SHOULD)
                .build();
    }

    /** {@code date:P} is the whole period P; {@code date:A..B} runs from the start of A to the end of B. */
    private static Query date(Value v) throws QueryException {
        String s = v.text();
        int dots = s.indexOf("..");
        if (dots < 0) {
            Dates.Period p = period("date", v, s, v.column());
            return LongPoint.newRangeQuery(Schema.DATE, p.start(), p.end() - 1);
        }
        String from = s.substring(0, dots);
        String to = s.substring(dots + 2);
        if (from.isEmpty() && to.isEmpty()) {
            throw new QueryException("date:.. needs a date on at least one side, e.g. date:2014..", v.column());
        }
        long start = from.isEmpty() ? Long.MIN_VALUE : period("date", v, from, v.column()).start();
        long end = to.isEmpty() ? Long.MAX_VALUE : period("date", v, to, v.column() + dots + 2).end() - 1;
        if (start > end) throw new QueryException("date range " + s + " ends before it starts", v.column());
        return LongPoint.newRangeQuery(Schema.DATE, start, end);
    }

    private static Dates.Period period(String op, Value v, String text, int column) throws QueryException {
        Dates.Period p = Dates.period(text.strip());
        if (p == null) {
            throw new QueryException("bad date \"" + text + "\" in " + op + ":" + v.text() + " (" + Dates.EXPECTED
                    + ")", column);
        }
        return p;
    }

    /** Bytes, with an optional k, M or G (powers of 1024) and an optional b: 5M, 100k, 1.5GB, 2048. */
    private static long size(String op, Value v) throws QueryException {
        Matcher m = SIZE.matcher(v.text().strip());
        if (!m.matches()) {
            throw new QueryException("bad size \"" + v.text() + "\" in " + op + ":" + v.text()
                    + " (expected bytes, or a number with k, M or G, e.g. 5M)", v.column());
        }
        int power = "kmg".indexOf(Character.toLowerCase(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0))) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(MAX_SIZE) > 0) throw new QueryException("size " + v.text() + " is too large", v.column());
        return bytes.longValue();
    }

    /** {@code id:7} or {@code id:7,8,9}. */
    private static Query ids(String op, Value v) throws QueryException {
        String[] parts = v.text().split(",", -1);
        long[] ids = new long[parts.length];
        int column = v.column();
        for (int i = 0; i < parts.length; i++) {
            ids[i] = number(op, v, parts[i], column);
            column += parts[i].length() + 1;
        }
        return ids.length == 1 ? LongPoint.newExactQuery(Schema.ID, ids[0]) : LongPoint.newSetQuery(Schema.ID, ids);
    }

    private static long number(String op, Value v, String text, int column) throws QueryException {
        String t = text.strip();
        // Ids start at 1: an attachment's thread is 0, "none", which thread:0 must not list.
        if (t.matches("\\d{1,18}") && Long.parseLong(t) > 0) return Long.parseLong(t);
        throw new QueryException("bad " + (op.equals("id") ? "id" : op + " id") + " \"" + text + "\" in " + op
                + ":" + v.text() + " (expected a number from 1 up, e.g. " + op + ":1234)", column);
    }
}
