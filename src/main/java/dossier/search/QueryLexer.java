package dossier.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a query into tokens. Operator values are read whole, so {@code from:jeff.skilling@enron.com},
 * {@code date:2014-01..2014-06} and {@code type:application/pdf} need no escaping; a backslash escapes the next
 * character anywhere. Columns are 1-based character positions. Stateless: {@link #tokenize} is thread-safe.
 */
final class QueryLexer {
    private QueryLexer() {}

    enum Type { WORD, PHRASE, OPERATOR, LPAREN, RPAREN, AND, OR, NOT, PLUS, MINUS, EOF }

    /**
     * A word or quoted value as typed.
     *
     * @param quoted it was in double quotes
     * @param escaped it had a backslash escape, so {@code * ? ~} in it are literal
     * @param slop the {@code ~N} after a closing quote, else 0
     * @param column where the value starts
     */
    record Value(String text, boolean quoted, boolean escaped, int slop, int column) {}

    /** A token; {@code op} is the canonical operator name for OPERATOR, whose value is null before a group. */
    record Token(Type type, int column, String op, Value value) {
        static Token of(Type type, int column) {
            return new Token(type, column, null, null);
        }
    }

    static List<Token> tokenize(String s) throws QueryException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= s.length()) break;
            char c = s.charAt(i);
            int col = i + 1;
            if (c == '(') {
                out.add(Token.of(Type.LPAREN, col));
                i++;
            } else if (c == ')') {
                out.add(Token.of(Type.RPAREN, col));
                i++;
            } else if (c == '"') {
                Cursor q = quoted(s, i);
                out.add(new Token(Type.PHRASE, col, null, q.value));
                i = q.end;
            } else if ((c == '-' || c == '+' || c == '!') && i + 1 < s.length() && startsOperand(s.charAt(i + 1))) {
                out.add(Token.of(c == '+' ? Type.PLUS : Type.MINUS, col)); // !word: Lucene's other spelling of -word
                i++;
            } else {
                int colon = operatorColon(s, i);
                String op = colon < 0 ? null : Operators.canonical(s.substring(i, colon));
                if (op == null && colon >= 0) unknownOperator(s, i, colon);
                if (op != null) {
                    i = operator(s, i, colon, op, out);
                } else {
                    Cursor w = word(s, i);
                    boost(w.value);
                    // Lucene's "all documents", *:*, is this language's *.
                    Value v = !w.value.escaped() && w.value.text().equals("*:*")
                            ? new Value("*", false, false, 0, w.value.column()) : w.value;
                    out.add(new Token(keyword(v), col, null, v));
                    i = w.end;
                }
            }
        }
        out.add(Token.of(Type.EOF, s.length() + 1));
        return out;
    }

    private record Cursor(Value value, int end) {}

    private static boolean startsOperand(char c) {
        return !Character.isWhitespace(c) && c != ')' && c != '-' && c != '+';
    }

    private static Type keyword(Value w) {
        if (w.escaped()) return Type.WORD;
        return switch (w.text()) {
            case "AND", "&&" -> Type.AND;
            case "OR", "||" -> Type.OR;
            case "NOT", "!" -> Type.NOT;
            default -> Type.WORD;
        };
    }

    /**
     * Refuses Lucene's boosts ({@code skilling^2}, {@code "a b"^3}): searched as text they found nothing, or the
     * number as a word of its own. Ranking is BM25 with the subject weighted up, the same for every query.
     */
    private static void boost(Value w) throws QueryException {
        String t = w.text();
        int caret = t.lastIndexOf('^');
        if (w.escaped() || caret < 0 || caret == t.length() - 1) return;
        for (int k = caret + 1; k < t.length(); k++) if (!Character.isDigit(t.charAt(k)) && t.charAt(k) != '.') return;
        throw new QueryException("boosts (" + t + ") are not supported: every query ranks by BM25, the subject "
                + "weighted up", w.column() + caret);
    }

    /**
     * Names before a colon that are text, not a mistyped operator: link schemes ({@code http://…}) and the prefixes of
     * replies and forwards in subjects ({@code Re:budget}, {@code AW:}, {@code SV:}).
     */
    private static final Set<String> NOT_OPERATORS = Set.of("http", "https", "ftp", "ftps", "mailto", "file", "news",
            "tel", "urn", "re", "fw", "fwd", "aw", "sv", "vs", "wg", "tr", "rv", "ref", "antw", "odp", "vl");

    /**
     * Refuses {@code name:value} where the name is no operator and no {@link #NOT_OPERATORS link or reply prefix}:
     * {@code title:merger} or {@code sender:sherri} would otherwise search the text for the one word
     * {@code title:merger}, find nothing, and say nothing. A colon with nothing after it ({@code note: budget}) is text.
     */
    private static void unknownOperator(String s, int start, int colon) throws QueryException {
        String name = s.substring(start, colon);
        if (NOT_OPERATORS.contains(name.toLowerCase(Locale.ROOT))) return;
        if (colon + 1 >= s.length() || Character.isWhitespace(s.charAt(colon + 1))) return;
        StringBuilder known = new StringBuilder();
        for (Operators.Help h : Operators.HELP) known.append(' ').append(h.name()).append(':');
        throw new QueryException("unknown operator " + name + ": (the operators are" + known + "); to search for the "
                + "text, escape the colon: " + name + "\\:" + s.substring(colon + 1, wordEnd(s, colon + 1)), start + 1);
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ')') i++;
        return i;
    }

    /** The index of the colon if s[i..] starts with letters (or hyphens) and a colon, else -1. */
    private static int operatorColon(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isLetter(s.charAt(j)) || (j > i && s.charAt(j) == '-'))) j++;
        return j > i && j < s.length() && s.charAt(j) == ':' ? j : -1;
    }

    /** Reads {@code op:value}, {@code op:"value"} or {@code op:(} and returns the index after it. */
    private static int operator(String s, int start, int colon, String op, List<Token> out) throws QueryException {
        int v = colon + 1;
        char next = v < s.length() ? s.charAt(v) : ' ';
        if (next == '"') {
            Cursor q = quoted(s, v);
            if (q.value.text().isBlank()) throw new QueryException(op + ": needs a value inside the quotes", start + 1);
            out.add(new Token(Type.OPERATOR, start + 1, op, q.value));
            return q.end;
        }
        if (next == '(') {
            out.add(new Token(Type.OPERATOR, start + 1, op, null));
            return v;
        }
        if (Character.isWhitespace(next) || next == ')') {
            throw new QueryException(s.substring(start, v) + " needs a value, e.g. " + example(op), start + 1);
        }
        // The value runs to white space, or to a ')' that closes a group outside it.
        StringBuilder b = new StringBuilder();
        boolean escaped = false;
        int depth = 0;
        int j = v;
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (Character.isWhitespace(c) || (c == ')' && depth == 0)) break;
            if (c == '\\' && j + 1 < s.length()) {
                b.append(s.charAt(++j));
                escaped = true;
                continue;
            }
            if (c == '(') depth++;
            if (c == ')') depth--;
            b.append(c);
        }
        out.add(new Token(Type.OPERATOR, start + 1, op, new Value(b.toString(), false, escaped, 0, v + 1)));
        return j;
    }

    private static String example(String op) {
        for (Operators.Help h : Operators.HELP) if (h.name().equals(op)) return h.example();
        return op + ":value";
    }

    /** A plain word: up to white space, a parenthesis or a quote. */
    private static Cursor word(String s, int i) {
        StringBuilder b = new StringBuilder();
        boolean escaped = false;
        int j = i;
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') break;
            if (c == '\\' && j + 1 < s.length()) {
                b.append(s.charAt(++j));
                escaped = true;
                continue;
            }
            b.append(c);
        }
        return new Cursor(new Value(b.toString(), false, escaped, 0, i + 1), j);
    }

    /** A double-quoted string starting at s[i], with an optional {@code ~N} slop after it. */
    private static Cursor quoted(String s, int i) throws QueryException {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= s.length()) throw new QueryException("unbalanced quote", i + 1);
            char c = s.charAt(j);
            if (c == '"') break;
            if (c == '\\' && j + 1 < s.length()) c = s.charAt(++j);
            b.append(c);
            j++;
        }
        j++;
        int slop = 0;
        if (j < s.length() && s.charAt(j) == '~') {
            int k = j + 1;
            while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
            if (k == j + 1 || k - j > 4) {
                throw new QueryException("expected a number from 0 to 999 after ~", j + 1);
            }
            slop = Integer.parseInt(s.substring(j + 1, k));
            j = k;
        }
        return new Cursor(new Value(b.toString(), true, false, slop, i + 2), j);
    }
}
