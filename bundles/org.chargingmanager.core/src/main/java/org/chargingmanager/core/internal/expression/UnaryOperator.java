package org.chargingmanager.core.internal.expression;

/** Operators with one operand. */
public enum UnaryOperator {
    NEGATE {
        @Override
        double apply(double value) {
            return -value;
        }
    },
    NOT {
        @Override
        double apply(double value) {
            return Double.isNaN(value) ? Double.NaN : value == 0 ? 1 : 0;
        }
    };

    abstract double apply(double value);
}
