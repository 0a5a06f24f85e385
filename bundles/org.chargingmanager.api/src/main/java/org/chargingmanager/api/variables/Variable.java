package org.chargingmanager.api.variables;

/**
 * A named variable and its current value.
 *
 * @param name as it was set, for example {@code AVAIL}
 * @param expression a constant ({@code 100}) or a formula ({@code 55000 * AVAIL / 100})
 * @param value the value computed in the latest evaluation; {@link Double#NaN} when it cannot
 *        be computed now (then {@code error} says why)
 * @param error empty, or why the value cannot be computed now (for example, a meter is offline)
 */
public record Variable(String name, String expression, double value, String error) {

    public Variable {
        error = error == null ? "" : error;
    }
}
