package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Unit of a sampled value. {@code Celcius} is the specification's misspelling, kept because
 * chargers send it; {@code Hertz} is only in the JSON schema, not in the specification's table.
 */
public enum UnitOfMeasure implements WireEnum {
    WATT_HOURS("Wh"),
    KILOWATT_HOURS("kWh"),
    VAR_HOURS("varh"),
    KILOVAR_HOURS("kvarh"),
    WATTS("W"),
    KILOWATTS("kW"),
    VOLT_AMPERES("VA"),
    KILOVOLT_AMPERES("kVA"),
    VARS("var"),
    KILOVARS("kvar"),
    AMPERES("A"),
    VOLTS("V"),
    KELVIN("K"),
    CELCIUS("Celcius"),
    CELSIUS("Celsius"),
    FAHRENHEIT("Fahrenheit"),
    PERCENT("Percent"),
    HERTZ("Hertz");

    private final String wireValue;

    UnitOfMeasure(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
