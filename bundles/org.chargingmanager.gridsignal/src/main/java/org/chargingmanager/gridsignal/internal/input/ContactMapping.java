package org.chargingmanager.gridsignal.internal.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the active contacts into the value of the input's variable, per {@link Template}.
 *
 * @param template what the contacts mean
 * @param unit {@code W} or {@code %} (or the custom unit)
 * @param levels per contact: the value while it is active (§14a: the cap; ripple: 0, 30, 60)
 * @param inactiveValue the value while no contact is active (no restriction)
 */
record ContactMapping(Template template, String unit, double[] levels, double inactiveValue) {

    /**
     * The §14a cap per controllable charging point: {@code Pmin,14a = P + (n - 1) × GZF × P} shared by the n
     * devices (BNetzA BK6-22-300, Anlage 1, 4.5.2); one device gets {@code P}.
     */
    static double p14aCapPerDeviceWatts(double powerPerDeviceWatts, int devices, double simultaneityFactor) {
        if (devices <= 1) {
            return powerPerDeviceWatts;
        }
        double total = powerPerDeviceWatts + (devices - 1) * simultaneityFactor * powerPerDeviceWatts;
        return Math.ceil(total / devices);
    }

    double value(boolean[] active) {
        double value = inactiveValue;
        for (int i = 0; i < active.length && i < levels.length; i++) {
            if (active[i]) {
                value = Math.min(value, levels[i]);
            }
        }
        return value;
    }

    /** The most restrictive value: the default failsafe limit. */
    double mostRestrictive() {
        double value = inactiveValue;
        for (double level : levels) {
            value = Math.min(value, level);
        }
        return value;
    }

    String describe(boolean[] active) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < active.length; i++) {
            if (active[i]) {
                on.add(template == Template.RIPPLE ? format(levels[i]) + " %" : "contact " + (i + 1));
            }
        }
        return on.isEmpty() ? "no contact active" : String.join(", ", on) + " active";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
