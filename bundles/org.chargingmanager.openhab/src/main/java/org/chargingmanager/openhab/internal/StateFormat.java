package org.chargingmanager.openhab.internal;

import java.math.BigDecimal;
import java.util.Optional;

/** A variable's value as the text openHAB parses as the state of a Number item. */
final class StateFormat {

    static final String UNDEF = "UNDEF";

    private StateFormat() {
    }

    /**
     * @return {@code 100}, {@code 12.5}, {@code -0.25} (plain decimal, no exponent, no trailing zeros);
     *         {@code UNDEF} for NaN and infinities when {@code nanAsUndef}, else empty (not sent)
     */
    static Optional<String> format(double value, boolean nanAsUndef) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nanAsUndef ? Optional.of(UNDEF) : Optional.empty();
        }
        if (value == 0) {
            return Optional.of("0");
        }
        return Optional.of(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
}
