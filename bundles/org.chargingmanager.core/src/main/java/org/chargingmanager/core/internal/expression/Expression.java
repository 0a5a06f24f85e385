package org.chargingmanager.core.internal.expression;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed formula such as {@code 55000 * AVAIL / 100}. Numbers are doubles; comparisons and
 * logical operators yield 1 (true) or 0 (false), and any non-zero value counts as true.
 */
public sealed interface Expression {

    /** @return the value; NaN propagates, division by zero yields NaN */
    double evaluate(NameResolver names) throws EvaluationException;

    /** Adds every variable or live value name this expression reads. */
    void collectNames(Set<String> into);

    default Set<String> names() {
        Set<String> names = new TreeSet<>();
        collectNames(names);
        return names;
    }

    /** A constant. */
    record Constant(double value) implements Expression {
        @Override
        public double evaluate(NameResolver names) {
            return value;
        }

        @Override
        public void collectNames(Set<String> into) {
        }
    }

    /** A variable ({@code AVAIL}) or a live value ({@code grid.power}, {@code evse.garage-1.current}). */
    record Name(String name) implements Expression {
        @Override
        public double evaluate(NameResolver names) throws EvaluationException {
            return names.valueOf(name);
        }

        @Override
        public void collectNames(Set<String> into) {
            into.add(name);
        }
    }

    record Unary(UnaryOperator operator, Expression operand) implements Expression {
        @Override
        public double evaluate(NameResolver names) throws EvaluationException {
            return operator.apply(operand.evaluate(names));
        }

        @Override
        public void collectNames(Set<String> into) {
            operand.collectNames(into);
        }
    }

    record Binary(BinaryOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public double evaluate(NameResolver names) throws EvaluationException {
            double leftValue = left.evaluate(names);
            if (operator == BinaryOperator.AND && leftValue == 0) {
                return 0;
            }
            if (operator == BinaryOperator.OR && leftValue != 0 && !Double.isNaN(leftValue)) {
                return 1;
            }
            return operator.apply(leftValue, right.evaluate(names));
        }

        @Override
        public void collectNames(Set<String> into) {
            left.collectNames(into);
            right.collectNames(into);
        }
    }

    record Call(Function function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public double evaluate(NameResolver names) throws EvaluationException {
            if (function == Function.IF) {
                double condition = arguments.get(0).evaluate(names);
                if (Double.isNaN(condition)) {
                    return Double.NaN;
                }
                return condition != 0 ? arguments.get(1).evaluate(names) : arguments.get(2).evaluate(names);
            }
            double[] values = new double[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i).evaluate(names);
            }
            return function.apply(values);
        }

        @Override
        public void collectNames(Set<String> into) {
            for (Expression argument : arguments) {
                argument.collectNames(into);
            }
        }
    }
}
