package org.chargingmanager.web.internal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chargingmanager.api.platform.UserMessage;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** The core's formula errors get message keys, so the German page shows them in German. */
class ExpressionMessagesTest {

    @Test
    void aSyntaxErrorAtAPositionNestsItsReason() {
        UserMessage message = ExpressionMessages.of("at position 8 of 'AVAIL +': the expression ends too early");

        assertThat(message.code()).isEqualTo("expr.at");
        assertThat(message.english()).isEqualTo("at position 8 of 'AVAIL +': the expression ends too early");
        assertThat(message.args()).hasSize(3).startsWith(8, "AVAIL +");
        assertThat(((UserMessage) message.args().get(2)).code()).isEqualTo("expr.endsEarly");

        JsonObject json = Messages.json(message);
        assertThat(json.toString()).isEqualTo("{\"error\":\"at position 8 of 'AVAIL +': the expression ends too early\","
                + "\"code\":\"expr.at\",\"args\":[8,\"AVAIL +\",{\"error\":\"the expression ends too early\","
                + "\"code\":\"expr.endsEarly\",\"args\":[]}]}");
    }

    @Test
    void everyKindOfFormulaErrorHasItsKey() {
        assertThat(code("unknown variable 'FOO'")).isEqualTo("expr.unknownVariable");
        assertThat(code("variable X: unknown variable 'FOO'")).isEqualTo("expr.inVariable");
        assertThat(code("variable AVAIL is still used by HOUSE")).isEqualTo("expr.stillUsed");
        assertThat(code("'if' is a reserved word and cannot be a variable name")).isEqualTo("expr.reserved");
        assertThat(code("bad variable name '1x': use letters, digits and _, starting with a letter or _, at most 64 characters"))
                .isEqualTo("expr.badName");
        assertThat(code("variables depend on each other in a cycle: A -> B -> A")).isEqualTo("expr.cycle");
        assertThat(code("min() takes at least 1 argument, not 0")).isEqualTo("expr.arityAtLeast");
        assertThat(code("if() takes 3 arguments, not 2")).isEqualTo("expr.arity");
        assertThat(code("unexpected ')'")).isEqualTo("expr.unexpected");
        assertThat(code("expected ')' but found ','")).isEqualTo("expr.expectedSymbol");
        assertThat(code("'meter.x.power': there is no meter 'x'")).isEqualTo("expr.noMeter");
        assertThat(code("'grid.foo': unknown quantity 'foo', use one of [power]")).isEqualTo("expr.unknownQuantity");
        assertThat(ExpressionMessages.of("something new").args()).isEqualTo(List.of("something new"));
        assertThat(code("something new")).isEqualTo("expr.other");
    }

    private static String code(String english) {
        return ExpressionMessages.of(english).code();
    }
}
