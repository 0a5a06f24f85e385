package org.chargingmanager.core.internal.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.chargingmanager.api.variables.InvalidExpressionException;

/**
 * Parses formulas. Grammar, from the weakest binding to the strongest:
 * {@code or ||}, {@code and &&}, {@code == !=}, {@code < <= > >=}, {@code + -}, {@code * / %},
 * unary {@code - not !}, then numbers, {@code true}, {@code false}, names, function calls
 * ({@code min max abs if round floor ceil}) and parentheses.
 *
 * <p>A name is a variable ({@code AVAIL}) or a dotted live value ({@code grid.power}). In
 * {@code meter.<id>.<quantity>} and {@code evse.<id>.<quantity>} the ID may contain {@code -},
 * so {@code evse.garage-1.power} is one name.
 */
public final class ExpressionParser {

    /** Longest expression accepted, so a grid operator's request cannot exhaust memory. */
    public static final int MAXIMUM_LENGTH = 1000;
    private static final int MAXIMUM_DEPTH = 50;

    private final String text;
    private int position;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
    }

    public static Expression parse(String text) throws InvalidExpressionException {
        if (text == null || text.isBlank()) {
            throw new InvalidExpressionException("the expression is empty");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw new InvalidExpressionException("the expression is longer than " + MAXIMUM_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(text);
        Expression expression = parser.parseBinary(1);
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
        }
        return expression;
    }

    private Expression parseBinary(int minimumPrecedence) throws InvalidExpressionException {
        Expression left = parseUnary();
        while (true) {
            int start = position;
            Optional<BinaryOperator> operator = readBinaryOperator();
            if (operator.isEmpty() || operator.get().precedence < minimumPrecedence) {
                position = start;
                return left;
            }
            Expression right = parseBinary(operator.get().precedence + 1);
            left = new Expression.Binary(operator.get(), left, right);
        }
    }

    private Expression parseUnary() throws InvalidExpressionException {
        if (++depth > MAXIMUM_DEPTH) {
            throw error("the expression is nested too deeply");
        }
        try {
            skipSpaces();
            if (consume("-")) {
                return new Expression.Unary(UnaryOperator.NEGATE, parseUnary());
            }
            if (consume("+")) {
                return parseUnary();
            }
            if (peek() == '!' && !text.startsWith("!=", position)) {
                position++;
                return new Expression.Unary(UnaryOperator.NOT, parseUnary());
            }
            if (consumeKeyword("not")) {
                return new Expression.Unary(UnaryOperator.NOT, parseUnary());
            }
            return parsePrimary();
        } finally {
            depth--;
        }
    }

    private Expression parsePrimary() throws InvalidExpressionException {
        skipSpaces();
        char next = peek();
        if (next == '(') {
            position++;
            Expression inner = parseBinary(1);
            expect(")");
            return inner;
        }
        if (Character.isDigit(next) || next == '.') {
            return new Expression.Constant(readNumber());
        }
        if (Character.isLetter(next) || next == '_') {
            int start = position;
            String name = readName();
            skipSpaces();
            if (peek() == '(') {
                Function function = Function.named(name)
                        .orElseThrow(() -> error(start, "unknown function '" + name + "'"));
                return parseCall(function, start);
            }
            if (name.equalsIgnoreCase("true")) {
                return new Expression.Constant(1);
            }
            if (name.equalsIgnoreCase("false")) {
                return new Expression.Constant(0);
            }
            return new Expression.Name(name);
        }
        if (position >= text.length()) {
            throw error("the expression ends too early");
        }
        throw error("expected a number, a name or '(' but found '" + next + "'");
    }

    private Expression parseCall(Function function, int start) throws InvalidExpressionException {
        expect("(");
        List<Expression> arguments = new ArrayList<>();
        skipSpaces();
        if (!consume(")")) {
            do {
                arguments.add(parseBinary(1));
                skipSpaces();
            } while (consume(","));
            expect(")");
        }
        if (arguments.size() < function.minimumArguments || arguments.size() > function.maximumArguments) {
            throw error(start, function.spelling() + "() takes " + function.arity() + ", not " + arguments.size());
        }
        return new Expression.Call(function, arguments);
    }

    private Optional<BinaryOperator> readBinaryOperator() {
        skipSpaces();
        String[][] symbols = { { "||", "OR" }, { "&&", "AND" }, { "==", "EQUAL" }, { "!=", "NOT_EQUAL" },
                { "<=", "LESS_OR_EQUAL" }, { ">=", "GREATER_OR_EQUAL" }, { "<", "LESS" }, { ">", "GREATER" },
                { "+", "ADD" }, { "-", "SUBTRACT" }, { "*", "MULTIPLY" }, { "/", "DIVIDE" }, { "%", "REMAINDER" } };
        for (String[] symbol : symbols) {
            if (text.startsWith(symbol[0], position)) {
                position += symbol[0].length();
                return Optional.of(BinaryOperator.valueOf(symbol[1]));
            }
        }
        if (consumeKeyword("or")) {
            return Optional.of(BinaryOperator.OR);
        }
        if (consumeKeyword("and")) {
            return Optional.of(BinaryOperator.AND);
        }
        return Optional.empty();
    }

    private double readNumber() throws InvalidExpressionException {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int exponent = position + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                position = exponent;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            }
        }
        String number = text.substring(start, position);
        try {
            double value = Double.parseDouble(number);
            if (!Double.isFinite(value)) {
                throw error(start, "the number " + number + " is too large");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(start, "'" + number + "' is not a number");
        }
    }

    private String readName() {
        int start = position;
        readSegment(false);
        int segments = 1;
        String first = text.substring(start, position).toLowerCase(Locale.ROOT);
        boolean deviceName = first.equals("meter") || first.equals("evse");
        while (position + 1 < text.length() && text.charAt(position) == '.'
                && isNameCharacter(text.charAt(position + 1), true)) {
            position++;
            segments++;
            readSegment(deviceName && segments == 2);
        }
        return text.substring(start, position);
    }

    private void readSegment(boolean dashAllowed) {
        while (position < text.length() && isNameCharacter(text.charAt(position), dashAllowed)) {
            position++;
        }
    }

    private static boolean isNameCharacter(char character, boolean dashAllowed) {
        return Character.isLetterOrDigit(character) || character == '_' || (dashAllowed && character == '-');
    }

    private boolean consumeKeyword(String keyword) {
        skipSpaces();
        int end = position + keyword.length();
        if (text.regionMatches(true, position, keyword, 0, keyword.length())
                && (end >= text.length() || !isNameCharacter(text.charAt(end), false))) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean consume(String symbol) {
        skipSpaces();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) throws InvalidExpressionException {
        if (!consume(symbol)) {
            throw error(position >= text.length() ? "missing '" + symbol + "' at the end"
                    : "expected '" + symbol + "' but found '" + text.charAt(position) + "'");
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidExpressionException error(String message) {
        return error(position, message);
    }

    private InvalidExpressionException error(int at, String message) {
        return new InvalidExpressionException("at position " + (at + 1) + " of '" + text + "': " + message);
    }
}
