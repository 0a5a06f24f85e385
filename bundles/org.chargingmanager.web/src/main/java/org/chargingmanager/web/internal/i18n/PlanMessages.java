package org.chargingmanager.web.internal.i18n;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.api.platform.UserMessage;

/**
 * Message keys for the charging plan's checks ({@code ChargingPlanRequest}, the core's planner),
 * recognised by their English wording. A text not recognised gets {@code plan.other} with the
 * English text as its argument, so the German page still says what it is about.
 */
public final class PlanMessages {

    private record Rule(Pattern pattern, Function<Matcher, UserMessage> message) {
    }

    private static final List<Rule> RULES = List.of(
            rule("a charging point ID is needed", m -> UserMessage.of("plan.evseMissing", m.group(0))),
            rule("the energy must be between 0\\.001 and 1000 kWh, not (.*) kWh",
                    m -> UserMessage.of("plan.energyRange", m.group(0), m.group(1))),
            rule("a deadline is needed.*", m -> UserMessage.of("plan.deadlineMissing", m.group(0))),
            rule("'(.*)' is not a deadline;.*", m -> UserMessage.of("plan.badDeadline", m.group(0), m.group(1))),
            rule("not a charging plan;.*", m -> UserMessage.of("plan.badText", m.group(0))),
            rule("states of charge are percentages from 0 to 100", m -> UserMessage.of("plan.socRange", m.group(0))),
            rule("the target \\((.*) %\\) is not above the car's state of charge \\((.*) %\\)",
                    m -> UserMessage.of("plan.targetNotAbove", m.group(0), m.group(1), m.group(2))),
            rule("the battery capacity must be positive", m -> UserMessage.of("plan.capacity", m.group(0))),
            rule("the deadline (.*) has passed", m -> UserMessage.of("plan.deadlinePassed", m.group(0), m.group(1))),
            rule("the deadline is more than (\\d+) days ahead",
                    m -> UserMessage.of("plan.deadlineTooFar", m.group(0), Integer.valueOf(m.group(1)))),
            rule("needs (.*) kWh by (.*), but at most (.*) kWh fit before then.*",
                    m -> UserMessage.of("plan.notFeasible", m.group(0), m.group(1), m.group(2), m.group(3))),
            rule("(.*): a charging point uses at least one phase", m -> UserMessage.of("plan.phases", m.group(0), m.group(1))));

    private PlanMessages() {
    }

    /** The message with its key for a charging plan check's English text. */
    public static UserMessage of(String english) {
        String text = english == null ? "" : english;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return rule.message().apply(matcher);
            }
        }
        return UserMessage.of("plan.other", text, text);
    }

    private static Rule rule(String regex, Function<Matcher, UserMessage> message) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), message);
    }
}
