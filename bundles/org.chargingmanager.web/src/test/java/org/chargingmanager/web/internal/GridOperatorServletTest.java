package org.chargingmanager.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chargingmanager.api.variables.VariableDefinition;
import org.junit.jupiter.api.Test;

class GridOperatorServletTest {

    @Test
    void parsesTheSeedsBodyWithNumbersAndFormulas() {
        assertThat(GridOperatorServlet.parseVariables(
                "{\"vars\":[{\"name\":\"tarif\",\"expr\":1},{\"name\":\"PWR\",\"expr\":\"70\"},"
                        + "{\"name\":\"var1\",\"expr\":1.5},{\"name\":\"LIMIT\",\"expr\":\"55000 * AVAIL / 100\"}]}"))
                .containsExactly(new VariableDefinition("tarif", "1"), new VariableDefinition("PWR", "70"),
                        new VariableDefinition("var1", "1.5"), new VariableDefinition("LIMIT", "55000 * AVAIL / 100"));
    }

    @Test
    void namesTheProblemOfABadBody() {
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("{\"vars\": [")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("[1]")).hasMessageContaining("must be {\"vars\"");
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("{\"vars\":[{\"expr\":1}]}"))
                .hasMessageContaining("vars[0].name must be a string");
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("{\"vars\":[{\"name\":\"A\",\"expr\":true}]}"))
                .hasMessageContaining("vars[0].expr must be a number or a string");
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("{\"vars\":[{\"name\":\"A\"}]}"))
                .hasMessageContaining("vars[0].expr");
        assertThatThrownBy(() -> GridOperatorServlet.parseVariables("{\"vars\":[" + "[".repeat(100_000) + "]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyListIsValid() {
        assertThat(GridOperatorServlet.parseVariables("{\"vars\":[]}")).isEqualTo(List.of());
    }
}
