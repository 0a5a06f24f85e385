package org.chargingmanager.device.definition.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalDouble;

import org.chargingmanager.device.definition.internal.DeviceDefinition.ValueSpec;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.RegisterValues;

/** A defined device over the shared Modbus lines, read with the same engine as the brand bundles. */
final class ModbusAccess implements DeviceAccess {

    private final DeviceDefinition definition;
    private final ModbusLine line;
    private final ModbusDevice device;
    private final String address;
    private long connection = -1;

    ModbusAccess(DeviceDefinition definition, ModbusLine line, ModbusEndpoint endpoint, int unitId, Duration timeout,
            Clock clock) {
        this.definition = definition;
        this.line = line;
        this.device = new ModbusDevice(line, unitId, definition.registers(), timeout, clock);
        this.address = endpoint + " unit " + unitId;
    }

    @Override
    public Values read() throws AccessException {
        RegisterValues values;
        try {
            values = device.read();
        } catch (ModbusException e) {
            throw new AccessException(e.getMessage());
        }
        return quantity -> {
            ValueSpec spec = definition.values().get(quantity);
            if (spec == null) {
                return OptionalDouble.empty();
            }
            OptionalDouble raw = values.number(definition.registers().require(spec.source()));
            return raw.isEmpty() ? raw : OptionalDouble.of(raw.getAsDouble() * spec.scale());
        };
    }

    @Override
    public void writeCurrent(double amps) throws AccessException {
        write(definition.setCurrent(), amps);
    }

    @Override
    public void writeEnable(boolean enabled) throws AccessException {
        if (definition.enable() != null) {
            write(definition.enable(), enabled ? 1 : 0);
        }
    }

    private void write(String name, double value) throws AccessException {
        Register register = definition.registers().require(name);
        try {
            if (register.type() == RegisterType.BOOL) {
                device.write(register, value != 0);
            } else {
                device.write(register, value);
            }
        } catch (ModbusException e) {
            throw new AccessException("writing " + name + " failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AccessException("writing " + name + ": " + e.getMessage());
        }
    }

    @Override
    public boolean canPause() {
        return definition.enable() != null;
    }

    @Override
    public boolean reconnected() {
        boolean changed = connection != line.connectionCount();
        if (changed) {
            device.forgetWrittenValues();
        }
        return changed;
    }

    @Override
    public void polled() {
        connection = line.connectionCount();
    }

    @Override
    public String address() {
        return address;
    }
}
