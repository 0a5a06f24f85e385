package org.chargingmanager.web.internal.i18n;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message keys for the core's formula errors ({@code InvalidExpressionException}), recognised by
 * their English wording, so the UI can show them in German too. A message not recognised keeps
 * the key {@code expr.other} and its English text.
 */
public final class ExpressionMessages {

    private record Rule(Pattern pattern, Function<Matcher, UserMessage> message) {
    }

    private static final List<Rule> RULES = List.of(
            rule("at position (\\d+) of '(.*)': (.*)", m -> msg(m, "expr.at", Integer.valueOf(m.group(1)), m.group(2), of(m.group(3)))),
            rule("variable ([^ :]*): (.*)", m -> msg(m, "expr.inVariable", m.group(1), of(m.group(2)))),
            rule("the expression is empty", m -> msg(m, "expr.empty")),
            rule("the expression is missing", m -> msg(m, "expr.empty")),
            rule("the expression is longer than (\\d+) characters", m -> msg(m, "expr.tooLong", Integer.valueOf(m.group(1)))),
            rule("the expression is nested too deeply", m -> msg(m, "expr.tooDeep")),
            rule("the expression ends too early", m -> msg(m, "expr.endsEarly")),
            rule("unexpected '(.*)'", m -> msg(m, "expr.unexpected", m.group(1))),
            rule("unknown function '(.*)'", m -> msg(m, "expr.unknownFunction", m.group(1))),
            rule("expected a number, a name or '\\(' but found '(.*)'", m -> msg(m, "expr.expectedOperand", m.group(1))),
            rule("(.*)\\(\\) takes at least (\\d+) arguments?, not (\\d+)", m -> msg(m, "expr.arityAtLeast", m.group(1),
                    Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)))),
            rule("(.*)\\(\\) takes (\\d+) arguments?, not (\\d+)", m -> msg(m, "expr.arity", m.group(1),
                    Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)))),
            rule("the number (.*) is too large", m -> msg(m, "expr.numberTooLarge", m.group(1))),
            rule("'(.*)' is not a number", m -> msg(m, "expr.notNumber", m.group(1))),
            rule("missing '(.*)' at the end", m -> msg(m, "expr.missingAtEnd", m.group(1))),
            rule("expected '(.*)' but found '(.*)'", m -> msg(m, "expr.expectedSymbol", m.group(1), m.group(2))),
            rule("unknown variable '(.*)'", m -> msg(m, "expr.unknownVariable", m.group(1))),
            rule("variable (.*) is still used by (.*)", m -> msg(m, "expr.stillUsed", m.group(1), m.group(2))),
            rule("bad variable name '(.*)': .*", m -> msg(m, "expr.badName", m.group(1))),
            rule("'(.*)' is a reserved word and cannot be a variable name", m -> msg(m, "expr.reserved", m.group(1))),
            rule("variables depend on each other in a cycle: (.*)", m -> msg(m, "expr.cycle", m.group(1))),
            rule("'(.*)': unknown quantity '(.*)', use one of (.*)", m -> msg(m, "expr.unknownQuantity", m.group(1),
                    m.group(2), m.group(3))),
            rule("'(.*)': there is no charging point '(.*)'", m -> msg(m, "expr.noEvse", m.group(1), m.group(2))),
            rule("'(.*)': there is no meter '(.*)'", m -> msg(m, "expr.noMeter", m.group(1), m.group(2))),
            rule("'(.*)': there is no (.*) meter", m -> msg(m, "expr.noRoleMeter", m.group(1), m.group(2))),
            rule("unknown name '([^']*)': .*", m -> msg(m, "expr.unknownName", m.group(1))));

    private ExpressionMessages() {
    }

    /** The message with its key for a formula error's English text. */
    public static UserMessage of(String english) {
        String text = english == null ? "" : english;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return rule.message().apply(matcher);
            }
        }
        return UserMessage.of("expr.other", text, text);
    }

    private static Rule rule(String regex, Function<Matcher, UserMessage> message) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), message);
    }

    private static UserMessage msg(Matcher matcher, String code, Object... args) {
        return UserMessage.of(code, matcher.group(0), args);
    }
}
