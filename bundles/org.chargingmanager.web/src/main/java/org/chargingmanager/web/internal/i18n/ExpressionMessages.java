package org.chargingmanager.web.internal.i18n;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.api.platform.UserMessage;

/**
 * Message keys for the core's formula errors ({@code InvalidExpressionException}), recognised by
 * their English wording, so the UI can show them in German too. A message not recognised keeps
 * the key {@code expr.other} and its English text.
 */
public final class ExpressionMessages {

    private record Rule(Pattern pattern, Function<Matcher, UserMessage> message) {
    }

    private static final List<Rule> RULES = List.of(
            rule("at position (\\d+) of '(.*)': (.*)", m -> UserMessage.of("expr.at", m.group(0), Integer.valueOf(m.group(1)), m.group(2), of(m.group(3)))),
            rule("variable ([^ :]*): (.*)", m -> UserMessage.of("expr.inVariable", m.group(0), m.group(1), of(m.group(2)))),
            rule("the expression is empty", m -> UserMessage.of("expr.empty", m.group(0))),
            rule("the expression is missing", m -> UserMessage.of("expr.empty", m.group(0))),
            rule("the expression is longer than (\\d+) characters", m -> UserMessage.of("expr.tooLong", m.group(0), Integer.valueOf(m.group(1)))),
            rule("the expression is nested too deeply", m -> UserMessage.of("expr.tooDeep", m.group(0))),
            rule("the expression ends too early", m -> UserMessage.of("expr.endsEarly", m.group(0))),
            rule("unexpected '(.*)'", m -> UserMessage.of("expr.unexpected", m.group(0), m.group(1))),
            rule("unknown function '(.*)'", m -> UserMessage.of("expr.unknownFunction", m.group(0), m.group(1))),
            rule("expected a number, a name or '\\(' but found '(.*)'", m -> UserMessage.of("expr.expectedOperand", m.group(0), m.group(1))),
            rule("(.*)\\(\\) takes at least (\\d+) arguments?, not (\\d+)", m -> UserMessage.of("expr.arityAtLeast", m.group(0), m.group(1),
                    Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)))),
            rule("(.*)\\(\\) takes (\\d+) arguments?, not (\\d+)", m -> UserMessage.of("expr.arity", m.group(0), m.group(1),
                    Integer.valueOf(m.group(2)), Integer.valueOf(m.group(3)))),
            rule("the number (.*) is too large", m -> UserMessage.of("expr.numberTooLarge", m.group(0), m.group(1))),
            rule("'(.*)' is not a number", m -> UserMessage.of("expr.notNumber", m.group(0), m.group(1))),
            rule("missing '(.*)' at the end", m -> UserMessage.of("expr.missingAtEnd", m.group(0), m.group(1))),
            rule("expected '(.*)' but found '(.*)'", m -> UserMessage.of("expr.expectedSymbol", m.group(0), m.group(1), m.group(2))),
            rule("unknown variable '(.*)'", m -> UserMessage.of("expr.unknownVariable", m.group(0), m.group(1))),
            rule("variable (.*) is still used by (.*)", m -> UserMessage.of("expr.stillUsed", m.group(0), m.group(1), m.group(2))),
            rule("bad variable name '(.*)': .*", m -> UserMessage.of("expr.badName", m.group(0), m.group(1))),
            rule("'(.*)' is a reserved word and cannot be a variable name", m -> UserMessage.of("expr.reserved", m.group(0), m.group(1))),
            rule("variables depend on each other in a cycle: (.*)", m -> UserMessage.of("expr.cycle", m.group(0), m.group(1))),
            rule("'(.*)': unknown quantity '(.*)', use one of (.*)", m -> UserMessage.of("expr.unknownQuantity", m.group(0), m.group(1),
                    m.group(2), m.group(3))),
            rule("'(.*)': there is no charging point '(.*)'", m -> UserMessage.of("expr.noEvse", m.group(0), m.group(1), m.group(2))),
            rule("'(.*)': there is no meter '(.*)'", m -> UserMessage.of("expr.noMeter", m.group(0), m.group(1), m.group(2))),
            rule("'(.*)': there is no (.*) meter", m -> UserMessage.of("expr.noRoleMeter", m.group(0), m.group(1), m.group(2))),
            rule("unknown name '([^']*)': .*", m -> UserMessage.of("expr.unknownName", m.group(0), m.group(1))));

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
}
