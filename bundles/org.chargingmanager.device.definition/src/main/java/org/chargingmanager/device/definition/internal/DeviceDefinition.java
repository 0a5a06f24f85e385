package org.chargingmanager.device.definition.internal;

import java.util.Map;

import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.modbus.protocol.DeviceProtocol;

/**
 * A device as its definition file describes it. Parsed and checked by {@link DefinitionParser}.
 *
 * @param name             what the device is, for logs and the identity ("Eastron SDM120")
 * @param kind             meter or wallbox
 * @param protocol         Modbus or HTTP/JSON
 * @param registers        Modbus: the registers, as the brand bundles declare theirs; null for HTTP
 * @param statusPath       HTTP: the path that answers the JSON with the values; null for Modbus
 * @param values           what each quantity is read from: a register name (Modbus) or a JSON path (HTTP)
 * @param states           wallbox: the raw state value to charging state
 * @param setCurrent       wallbox: the register written with the current in A (Modbus), or a URL path with
 *                         {@code {amps}} (HTTP); null for a meter
 * @param enable           wallbox, Modbus: a register written 1 to charge and 0 to pause; null: pause by current 0
 * @param pause            wallbox, HTTP: the path that pauses; null: pause by current 0
 * @param resume           wallbox, HTTP: the path that lets the car charge again
 * @param resolutionMilliamps wallbox: the steps of the current
 * @param rewriteSeconds   wallbox: write the current again after this many seconds though unchanged (devices
 *                         whose set-point expires); 0: only on change
 */
record DeviceDefinition(String name, Kind kind, Protocol protocol, DeviceProtocol registers, String statusPath,
        Map<Quantity, ValueSpec> values, Map<Long, EvseState> states, String setCurrent, String enable, String pause,
        String resume, int resolutionMilliamps, int rewriteSeconds) {

    enum Kind { METER, WALLBOX }

    enum Protocol { MODBUS, HTTP }

    /** What a value means; the JSON key is the camel-case name ({@code currentL1}). */
    enum Quantity {
        POWER("power"), POWER_L1("powerL1"), POWER_L2("powerL2"), POWER_L3("powerL3"),
        CURRENT_L1("currentL1"), CURRENT_L2("currentL2"), CURRENT_L3("currentL3"),
        VOLTAGE_L1("voltageL1"), VOLTAGE_L2("voltageL2"), VOLTAGE_L3("voltageL3"),
        ENERGY_IMPORT("energyImport"), ENERGY_EXPORT("energyExport"), ENERGY("energy"), STATE("state");

        private final String key;

        Quantity(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static Quantity ofKey(String key) {
            for (Quantity quantity : values()) {
                if (quantity.key.equals(key)) {
                    return quantity;
                }
            }
            return null;
        }
    }

    /** Where a value comes from and the factor to the project's unit (W, A, V, Wh). */
    record ValueSpec(String source, double scale) {
    }
}
