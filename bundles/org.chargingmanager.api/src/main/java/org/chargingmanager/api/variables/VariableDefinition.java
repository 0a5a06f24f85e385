package org.chargingmanager.api.variables;

/**
 * What a user, the grid operator or a rule sets: a name and its expression.
 *
 * @param name letters, digits and {@code _}, starting with a letter or {@code _}
 * @param expression a number or a formula over other variables
 */
public record VariableDefinition(String name, String expression) {
}
