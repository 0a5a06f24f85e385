package org.chargingmanager.core.internal.expression;

/** Operators with two operands, from the weakest binding to the strongest. */
public enum BinaryOperator {
    OR(1), AND(2), EQUAL(3), NOT_EQUAL(3), LESS(4), LESS_OR_EQUAL(4), GREATER(4), GREATER_OR_EQUAL(4),
    ADD(5), SUBTRACT(5), MULTIPLY(6), DIVIDE(6), REMAINDER(6);

    /** Binding strength: a higher number binds tighter. */
    final int precedence;

    BinaryOperator(int precedence) {
        this.precedence = precedence;
    }

    double apply(double left, double right) {
        if (Double.isNaN(left) || Double.isNaN(right)) {
            return Double.NaN;
        }
        return switch (this) {
            case OR -> left != 0 || right != 0 ? 1 : 0;
            case AND -> left != 0 && right != 0 ? 1 : 0;
            case EQUAL -> left == right ? 1 : 0;
            case NOT_EQUAL -> left != right ? 1 : 0;
            case LESS -> left < right ? 1 : 0;
            case LESS_OR_EQUAL -> left <= right ? 1 : 0;
            case GREATER -> left > right ? 1 : 0;
            case GREATER_OR_EQUAL -> left >= right ? 1 : 0;
            case ADD -> left + right;
            case SUBTRACT -> left - right;
            case MULTIPLY -> left * right;
            case DIVIDE -> right == 0 ? Double.NaN : left / right;
            case REMAINDER -> right == 0 ? Double.NaN : left % right;
        };
    }
}
