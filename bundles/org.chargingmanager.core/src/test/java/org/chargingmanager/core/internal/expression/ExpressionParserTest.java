package org.chargingmanager.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.chargingmanager.api.variables.InvalidExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static final Map<String, Double> VALUES = Map.of("AVAIL", 20.0, "TARIF", 1.0, "grid.power", 5000.0,
            "evse.garage-1.power", 7000.0, "x", 3.0);

    private static double evaluate(String text) throws Exception {
        return ExpressionParser.parse(text).evaluate(name -> {
            Double value = VALUES.get(name);
            if (value == null) {
                throw new EvaluationException("unknown " + name);
            }
            return value;
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "55000 * AVAIL / 100; 11000",
            "1 + 2 * 3; 7",
            "(1 + 2) * 3; 9",
            "10 - 4 - 3; 3",
            "2 * -x; -6",
            "7 % 4; 3",
            "1.5e3; 1500",
            "TARIF == 1; 1",
            "TARIF != 1; 0",
            "AVAIL < 50 and TARIF == 1; 1",
            "AVAIL < 50 && TARIF == 0; 0",
            "AVAIL > 50 or TARIF == 1; 1",
            "not TARIF; 0",
            "!(TARIF == 0); 1",
            "1 < 2 == 1; 1",
            "min(AVAIL, 10, 30); 10",
            "max(1, x); 3",
            "abs(-4.5); 4.5",
            "if(TARIF == 1, 32, 6); 32",
            "round(2.5) + floor(1.9) + ceil(1.1); 6",
            "grid.power - 5; 4995",
            "evse.garage-1.power / 1000; 7",
            "true + false; 1",
            "tarif; 1" })
    void evaluates(String text, double expected) throws Exception {
        assertThat(evaluate(text.replace("tarif", "TARIF"))).isEqualTo(expected);
    }

    @Test
    void divisionByZeroIsNotANumber() throws Exception {
        assertThat(evaluate("1 / (TARIF - 1)")).isNaN();
    }

    @Test
    void collectsNames() throws Exception {
        assertThat(ExpressionParser.parse("if(TARIF, evse.a-1.power, grid.power) * AVAIL").names())
                .containsExactly("AVAIL", "TARIF", "evse.a-1.power", "grid.power");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "''; empty",
            "1 +; ends too early",
            "(1 + 2; missing ')'",
            "1 2; unexpected '2'",
            "foo(1); unknown function 'foo'",
            "if(1, 2); if() takes 3 arguments, not 2",
            "min(); min() takes at least 1 argument, not 0",
            "1.2.3; '1.2.3' is not a number",
            "1e999; too large",
            "55000 * AVAIL $ 2; unexpected '$'" })
    void rejectsWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsHugeAndDeeplyNestedInput() {
        assertThatThrownBy(() -> ExpressionParser.parse("1+".repeat(600) + "1"))
                .hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> ExpressionParser.parse("(".repeat(200) + "1" + ")".repeat(200)))
                .hasMessageContaining("nested too deeply");
    }
}
