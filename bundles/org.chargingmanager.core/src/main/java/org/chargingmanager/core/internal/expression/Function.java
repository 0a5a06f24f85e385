package org.chargingmanager.core.internal.expression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The functions an expression may call. */
public enum Function {
    MIN(1, Integer.MAX_VALUE), MAX(1, Integer.MAX_VALUE), ABS(1, 1), IF(3, 3), ROUND(1, 1), FLOOR(1, 1), CEIL(1, 1);

    final int minimumArguments;
    final int maximumArguments;

    Function(int minimumArguments, int maximumArguments) {
        this.minimumArguments = minimumArguments;
        this.maximumArguments = maximumArguments;
    }

    /** The name as written in expressions: lower case. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(function -> function.spelling().equalsIgnoreCase(name)).findFirst();
    }

    String arity() {
        if (minimumArguments == maximumArguments) {
            return minimumArguments + (minimumArguments == 1 ? " argument" : " arguments");
        }
        return "at least " + minimumArguments + " argument" + (minimumArguments == 1 ? "" : "s");
    }

    double apply(double[] values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
        }
        return switch (this) {
            case MIN -> Arrays.stream(values).min().orElseThrow();
            case MAX -> Arrays.stream(values).max().orElseThrow();
            case ABS -> Math.abs(values[0]);
            case ROUND -> Math.round(values[0]);
            case FLOOR -> Math.floor(values[0]);
            case CEIL -> Math.ceil(values[0]);
            case IF -> values[0] != 0 ? values[1] : values[2];
        };
    }
}
