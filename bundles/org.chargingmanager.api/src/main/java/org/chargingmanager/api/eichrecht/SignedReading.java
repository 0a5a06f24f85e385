package org.chargingmanager.api.eichrecht;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading inside signed meter data, as the meter signed it.
 *
 * @param time the meter's time stamp
 * @param type the reading's role, in OCMF terms: {@code B} begin, {@code E} end, {@code C}
 *        intermediate, {@code T} tariff change, ...
 * @param obis the OBIS code of the register, for example {@code 1-b:1.8.0}
 * @param energyWattHours the register value converted to Wh
 * @param status the meter's status of the reading, for example {@code G} (good)
 */
public record SignedReading(Instant time, String type, String obis, double energyWattHours, String status) {

    /**
     * How far a signed reading may be from the register value a charger reports and still agree:
     * OCMF recommends kWh with two decimals (10 Wh), and a wallbox may round its Wh register
     * differently.
     */
    public static final double TOLERANCE_WATT_HOURS = 10;

    private static final Set<String> END_TYPES = Set.of("E", "L", "R", "A", "P");
    private static final Pattern OBIS = Pattern
            .compile("(?:[0-9a-fA-F]+-[0-9a-fA-F]+:)?0*([0-9a-fA-F]+)\\.0*([0-9a-fA-F]+)\\..*");

    /** A begin reading: type {@code B}. */
    public boolean begin() {
        return "B".equals(type);
    }

    /** An end reading: type {@code E} or one of the more precise end codes {@code L R A P}. */
    public boolean end() {
        return type != null && END_TYPES.contains(type);
    }

    /**
     * Whether the reading is of an energy-import register (OBIS value group C = 1, D = 8, for
     * example {@code 1-b:1.8.0} or {@code 01-00:01.08.00.FF}) or carries no OBIS code: only those
     * are compared with a transaction's meter start and stop.
     */
    public boolean importRegister() {
        return importRegister(obis);
    }

    /** @see #importRegister() */
    public static boolean importRegister(String obis) {
        if (obis == null || obis.isBlank()) {
            return true;
        }
        Matcher matcher = OBIS.matcher(obis.strip());
        return matcher.matches() && Integer.parseInt(matcher.group(1), 16) == 1
                && Integer.parseInt(matcher.group(2), 16) == 8;
    }

    /** Whether this reading agrees with a register value within {@link #TOLERANCE_WATT_HOURS}. */
    public boolean agreesWith(long registerWattHours) {
        return Math.abs(energyWattHours - registerWattHours) <= TOLERANCE_WATT_HOURS;
    }
}
