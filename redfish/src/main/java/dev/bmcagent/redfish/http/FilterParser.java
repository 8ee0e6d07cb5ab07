package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bmcagent.redfish.http.FilterExpression.Operand;
import dev.bmcagent.redfish.http.FilterExpression.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokenizer and recursive-descent parser of {@code $filter} (the OData subset DSP0266 lists). Grammar, loosest
 * binding first:
 * <pre>
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | primary
 *   primary := "(" or ")" | operand ("eq"|"ne"|"gt"|"ge"|"lt"|"le") operand
 *   operand := path | 'string' | number | true | false | null      ('' inside a string is one quote)
 * </pre>
 */
final class FilterParser {

    /** Longest expression accepted, and deepest nesting: bounds work and stack for hostile input. */
    static final int MAX_LENGTH = 1024;

    static final int MAX_DEPTH = 32;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_@#][A-Za-z0-9_@#.]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static FilterExpression parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        FilterParser p = new FilterParser(tokenize(text));
        FilterExpression e = p.or();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException(
                    "unexpected '" + p.tokens.get(p.pos).text() + "'");
        }
        return e;
    }

    private enum Kind {
        OPEN,
        CLOSE,
        WORD,
        STRING,
        NUMBER
    }

    private record Token(Kind kind, String text) {}

    private FilterExpression or() {
        FilterExpression e = and();
        while (accept("or")) {
            e = new FilterExpression.Or(e, and());
        }
        return e;
    }

    private FilterExpression and() {
        FilterExpression e = unary();
        while (accept("and")) {
            e = new FilterExpression.And(e, unary());
        }
        return e;
    }

    private FilterExpression unary() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        try {
            if (accept("not")) {
                return new FilterExpression.Not(unary());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private FilterExpression primary() {
        Token t = next("an expression");
        if (t.kind() == Kind.OPEN) {
            FilterExpression e = or();
            Token close = next("')'");
            if (close.kind() != Kind.CLOSE) {
                throw new IllegalArgumentException("expected ')' but found '" + close.text() + "'");
            }
            return e;
        }
        Operand left = operand(t);
        Token op = next("a comparison operator");
        Operator operator = Arrays.stream(Operator.values())
                .filter(o -> op.kind() == Kind.WORD && o.name().equals(op.text()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected eq, ne, gt, ge, lt or le but found '" + op.text() + "'"));
        return new FilterExpression.Comparison(left, operator, operand(next("a value")));
    }

    private Operand operand(Token t) {
        return switch (t.kind()) {
            case STRING -> new FilterExpression.Literal(TextNode.valueOf(t.text()));
            case NUMBER -> new FilterExpression.Literal(DecimalNode.valueOf(new BigDecimal(t.text())));
            case WORD ->
                switch (t.text()) {
                    case "true" -> new FilterExpression.Literal(BooleanNode.TRUE);
                    case "false" -> new FilterExpression.Literal(BooleanNode.FALSE);
                    case "null" -> new FilterExpression.Literal(NullNode.getInstance());
                    default -> property(t.text());
                };
            default ->
                throw new IllegalArgumentException("expected a property or a value but found '" + t.text() + "'");
        };
    }

    private static Operand property(String text) {
        List<String> segments = List.of(text.split("/", -1));
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()
                    || KEYWORDS.contains(s)
                    || Arrays.stream(Operator.values()).anyMatch(o -> o.name().equals(s))) {
                throw new IllegalArgumentException("not a property path: '" + text + "'");
            }
        }
        return new FilterExpression.Property(segments);
    }

    private boolean accept(String word) {
        if (pos < tokens.size()
                && tokens.get(pos).kind() == Kind.WORD
                && tokens.get(pos).text().equals(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token next(String expected) {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("expected " + expected + " at the end");
        }
        return tokens.get(pos++);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                i++;
            } else if (c == '\'') {
                i = string(s, i, out);
            } else {
                int end = i;
                while (end < s.length() && " \t()'".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String word = s.substring(i, end);
                Matcher m = NUMBER.matcher(word);
                out.add(new Token(m.matches() ? Kind.NUMBER : Kind.WORD, word));
                i = end;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty expression");
        }
        return out;
    }

    /** A quoted string from {@code start} (the opening quote); returns the index after the closing quote. */
    private static int string(String s, int start, List<Token> out) {
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i += 2;
                    continue;
                }
                out.add(new Token(Kind.STRING, b.toString()));
                return i + 1;
            }
            b.append(c);
            i++;
        }
        throw new IllegalArgumentException("unterminated string starting at " + start);
    }
}
