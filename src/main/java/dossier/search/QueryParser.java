package dossier.search;

import dossier.search.QueryLexer.Token;
import dossier.search.QueryLexer.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Parses Dossier's query language (DESIGN section 5) into a Lucene query over the fields of
 * {@link dossier.index.Schema}.
 *
 * <pre>{@code
 * Query q = new QueryParser().parse("from:skilling raptor -kind:attachment date:2001-05..2001-08");
 * }</pre>
 *
 * <p>Words side by side must all match; {@code AND} binds tighter than {@code OR}, and {@code NOT}, {@code -} and
 * {@code +} bind to the clause after them, so {@code a b OR c} is {@code (a AND b) OR c}. A query of negative
 * clauses only ({@code -lunch}) matches everything else, and {@code *} matches every item. Operators
 * ({@link Operators#HELP}) filter without changing the ranking, except {@code subject:} and {@code filename:}.
 * {@code after:X} includes the day X and {@code before:X} excludes it, as in Gmail; {@code larger:N} and
 * {@code smaller:N} are strict. A {@code name:value} whose name is not an operator is refused, unless it is a link or a
 * reply prefix ({@code http://x}, {@code Re:budget}) or has nothing after the colon ({@code note: budget}), which are
 * ordinary text ({@link QueryLexer}). Keywords {@code AND OR NOT} count only in capitals; Lucene's {@code && || !}
 * are the same keywords.
 *
 * <p>Thread-safe: one instance may serve every request.
 */
public final class QueryParser {
    /** Longer queries are refused before parsing. */
    public static final int MAX_LENGTH = 10_000;
    /** Deeper nesting of parentheses is refused (it would only serve to exhaust the stack). */
    static final int MAX_DEPTH = 50;

    /** A searcher over no documents: rewriting against it applies Lucene's clause limit and costs nothing. */
    private static final IndexSearcher CLAUSE_CHECK = emptySearcher();

    private final TextQueries text = new TextQueries();
    private final OperatorQueries operators = new OperatorQueries(text);

    /**
     * The Lucene query for a query string.
     *
     * @throws QueryException if the query is blank, too long or malformed; its message says where and why
     */
    public Query parse(String query) throws QueryException {
        if (query == null || query.isBlank()) throw new QueryException("empty query", 0);
        if (query.length() > MAX_LENGTH) {
            throw new QueryException("query too long (" + query.length() + " characters; the limit is "
                    + MAX_LENGTH + ")", 0);
        }
        try {
            Part p = new Parse(QueryLexer.tokenize(query)).query();
            if (p == null) return new MatchNoDocsQuery("nothing searchable in the query");
            // Lucene refuses too many clauses only when it searches; check here, by its own rule, to say why.
            CLAUSE_CHECK.rewrite(p.query());
            return p.query();
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException("too many words (each counts once per field it searches, and the limit is "
                    + IndexSearcher.getMaxClauseCount() + ")", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an empty in-memory reader does no I/O
        }
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an empty in-memory reader does no I/O
        }
    }

    /** A parsed clause: whether it ranks (text) or only filters, and whether a NOT or - applies to it. */
    private record Part(Query query, boolean scoring, boolean negated) {
        Part negate() {
            return new Part(query, scoring, !negated);
        }
    }

    /** One run of the recursive-descent parser over a token list; not shared between threads. */
    private final class Parse {
        private final List<Token> tokens;
        private int pos;
        private int depth;
        /** The operator of an enclosing {@code op:( ... )} group, applied to each word inside; null outside. */
        private String field;

        Parse(List<Token> tokens) {
            this.tokens = tokens;
        }

        Part query() throws QueryException {
            Part p = or();
            Token t = peek();
            if (t.type() == Type.RPAREN) throw new QueryException("unbalanced parenthesis: nothing to close", t.column());
            return p;
        }

        /** or := and (OR and)* */
        private Part or() throws QueryException {
            List<Part> parts = new ArrayList<>();
            parts.add(and());
            while (peek().type() == Type.OR) {
                expectOperand(next());
                parts.add(and());
            }
            return combine(parts, Occur.SHOULD);
        }

        /** and := unary ((AND)? unary)* */
        private Part and() throws QueryException {
            Token first = peek();
            if (first.type() == Type.AND || first.type() == Type.OR) {
                throw new QueryException(first.type() + " needs a search term before it", first.column());
            }
            List<Part> parts = new ArrayList<>();
            parts.add(unary());
            while (true) {
                Type t = peek().type();
                if (t == Type.EOF || t == Type.RPAREN || t == Type.OR) break;
                if (t == Type.AND) expectOperand(next());
                parts.add(unary());
            }
            return combine(parts, Occur.MUST);
        }

        /** unary := (NOT | - | +)* primary */
        private Part unary() throws QueryException {
            boolean negated = false;
            while (peek().type() == Type.NOT || peek().type() == Type.MINUS || peek().type() == Type.PLUS) {
                Token t = next();
                if (t.type() != Type.PLUS) negated = !negated;
                expectOperand(t);
            }
            Part p = primary();
            return p != null && negated ? p.negate() : p;
        }

        /** primary := ( or ) | OP:( or ) | OP:value | word | "phrase" */
        private Part primary() throws QueryException {
            Token t = next();
            switch (t.type()) {
                case LPAREN -> {
                    return group(t);
                }
                case WORD, PHRASE -> {
                    if (field == null) return new Part(text.free(t.value()), true, false);
                    return new Part(operators.build(field, t.value()), OperatorQueries.scores(field), false);
                }
                case OPERATOR -> {
                    if (t.value() != null) {
                        return new Part(operators.build(t.op(), t.value()), OperatorQueries.scores(t.op()), false);
                    }
                    String outer = field;
                    field = t.op();
                    Part p = group(next()); // the lexer put a '(' right after op:
                    field = outer;
                    return p;
                }
                case RPAREN -> throw new QueryException("unbalanced parenthesis: nothing to close", t.column());
                default -> throw new QueryException("unexpected end of query", t.column());
            }
        }

        private Part group(Token open) throws QueryException {
            if (peek().type() == Type.RPAREN) throw new QueryException("empty parentheses", open.column());
            if (peek().type() == Type.EOF) throw new QueryException("unbalanced parenthesis", open.column());
            if (++depth > MAX_DEPTH) throw new QueryException("parentheses nested too deep", open.column());
            Part p = or();
            depth--;
            if (peek().type() != Type.RPAREN) throw new QueryException("unbalanced parenthesis", open.column());
            next();
            return p;
        }

        /** After AND, OR, NOT, - or +, something to apply it to must follow. */
        private void expectOperand(Token op) throws QueryException {
            Type t = peek().type();
            if (t == Type.EOF || t == Type.RPAREN || t == Type.AND || t == Type.OR) {
                String name = op.type() == Type.MINUS ? "-" : op.type() == Type.PLUS ? "+" : op.type().name();
                throw new QueryException(name + " needs a search term after it", op.column());
            }
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private Token next() {
            Token t = tokens.get(pos);
            if (t.type() != Type.EOF) pos++;
            return t;
        }
    }

    /**
     * Joins clauses with AND (MUST: ranking clauses required, filters as FILTER, negated ones excluded, and
     * everything else when only negated ones remain) or OR (SHOULD). Clauses with nothing searchable drop out.
     */
    private static Part combine(List<Part> parts, Occur join) {
        List<Part> ps = parts.stream().filter(p -> p != null && p.query() != null).toList();
        if (ps.isEmpty()) return null;
        if (ps.size() == 1 && !ps.get(0).negated()) return ps.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scoring = false;
        boolean positive = false;
        for (Part p : ps) {
            // In an OR, the parser has already turned each negation into its own AND group.
            if (p.negated()) {
                b.add(p.query(), Occur.MUST_NOT);
                continue;
            }
            positive = true;
            scoring |= p.scoring();
            b.add(p.query(), join == Occur.SHOULD ? Occur.SHOULD : p.scoring() ? Occur.MUST : Occur.FILTER);
        }
        if (!positive) b.add(new MatchAllDocsQuery(), Occur.FILTER);
        return new Part(b.build(), scoring, false);
    }
}
