package org.chargingmanager.device.definition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.device.definition.internal.DeviceDefinition.Kind;
import org.chargingmanager.device.definition.internal.DeviceDefinition.Protocol;
import org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity;
import org.chargingmanager.device.definition.internal.DeviceDefinition.ValueSpec;
import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WordOrder;
import org.chargingmanager.modbus.protocol.WritePolicy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads a definition file (JSON; see docs/devices-from-files.md) into a {@link DeviceDefinition}, checking
 * everything before a device is touched: every error names the key and what was expected. Modbus registers become
 * {@link Register} records, so they are validated by the same rules as the brand bundles' register maps. Pure.
 */
final class DefinitionParser {

    private DefinitionParser() {
    }

    static DeviceDefinition parse(String text) throws DefinitionException {
        JsonObject json;
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new DefinitionException("the file is not a JSON object");
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new DefinitionException("the file is not valid JSON: " + e.getMessage());
        }
        String name = text(json, "name", true);
        Kind kind = choice(json, "kind", Kind.class);
        Protocol protocol = choice(json, "protocol", Protocol.class);
        DeviceProtocol registers = null;
        String statusPath = null;
        if (protocol == Protocol.MODBUS) {
            registers = registers(json, name);
        } else {
            statusPath = path(json, "status", true);
        }
        Map<Quantity, ValueSpec> values = values(json, kind, registers);
        Map<Long, EvseState> states = new HashMap<>();
        String setCurrent = null;
        String enable = null;
        String pause = null;
        String resume = null;
        int resolution = 1000;
        int rewrite = 0;
        if (kind == Kind.WALLBOX) {
            states = states(json);
            if (protocol == Protocol.MODBUS) {
                setCurrent = writableRegister(json, "setCurrent", registers, true);
                enable = writableRegister(json, "enable", registers, false);
            } else {
                setCurrent = path(json, "setCurrent", true);
                if (!setCurrent.contains("{amps}")) {
                    throw new DefinitionException("\"setCurrent\" must contain {amps}: " + setCurrent);
                }
                pause = path(json, "pause", false);
                resume = path(json, "resume", false);
                if ((pause == null) != (resume == null)) {
                    throw new DefinitionException("give both \"pause\" and \"resume\", or neither");
                }
            }
            if (json.has("currentResolutionAmps")) {
                double amps = number(json, "currentResolutionAmps");
                if (!(amps >= 0.001 && amps <= 1)) {
                    throw new DefinitionException("\"currentResolutionAmps\" must be 0.001..1, not " + amps);
                }
                resolution = (int) Math.round(amps * 1000);
            }
            if (json.has("rewriteSeconds")) {
                rewrite = (int) number(json, "rewriteSeconds");
                if (rewrite < 0 || rewrite > 3600) {
                    throw new DefinitionException("\"rewriteSeconds\" must be 0..3600, not " + rewrite);
                }
            }
        }
        return new DeviceDefinition(name, kind, protocol, registers, statusPath, values, states, setCurrent, enable,
                pause, resume, resolution, rewrite);
    }

    private static DeviceProtocol registers(JsonObject json, String name) throws DefinitionException {
        JsonElement array = json.get("registers");
        if (array == null || !array.isJsonArray() || array.getAsJsonArray().isEmpty()) {
            throw new DefinitionException("a Modbus device needs a non-empty \"registers\" array");
        }
        List<Register> registers = new ArrayList<>();
        int index = 0;
        for (JsonElement element : array.getAsJsonArray()) {
            String where = "registers[" + index++ + "]";
            if (!element.isJsonObject()) {
                throw new DefinitionException(where + " is not an object");
            }
            registers.add(register(element.getAsJsonObject(), where));
        }
        try {
            DeviceProtocol protocol = DeviceProtocol.of(name, registers);
            if (json.has("maxGap")) {
                protocol = protocol.withMaxGap((int) number(json, "maxGap"));
            }
            return protocol;
        } catch (IllegalArgumentException e) {
            throw new DefinitionException("registers: " + e.getMessage());
        }
    }

    private static Register register(JsonObject json, String where) throws DefinitionException {
        try {
            String name = text(json, "name", true);
            ModbusTable table = switch (text(json, "table", true).toLowerCase(Locale.ROOT)) {
                case "holding" -> ModbusTable.HOLDING_REGISTERS;
                case "input" -> ModbusTable.INPUT_REGISTERS;
                case "coil" -> ModbusTable.COILS;
                case "discrete" -> ModbusTable.DISCRETE_INPUTS;
                default -> throw new DefinitionException(where + ".table must be holding, input, coil or discrete");
            };
            int address = (int) number(json, "address");
            RegisterType type = table.bits() ? RegisterType.BOOL : choice(json, "type", RegisterType.class);
            Register register = switch (type) {
                case STRING -> table == ModbusTable.INPUT_REGISTERS
                        ? Register.inputString(name, address, (int) number(json, "words"))
                        : Register.holdingString(name, address, (int) number(json, "words"));
                case BOOL -> table == ModbusTable.COILS ? Register.coil(name, address)
                        : Register.discreteInput(name, address);
                default -> table == ModbusTable.INPUT_REGISTERS ? Register.input(name, address, type)
                        : Register.holding(name, address, type);
            };
            if (json.has("scale")) {
                register = register.withScale(number(json, "scale"));
            }
            if (json.has("unit")) {
                register = register.withUnit(text(json, "unit", true));
            }
            if (json.has("wordOrder")) {
                register = register.withWordOrder(choice(json, "wordOrder", WordOrder.class));
            }
            if (json.has("write")) {
                String write = text(json, "write", true).toUpperCase(Locale.ROOT);
                register = register.writable(switch (write) {
                    case "ON_CHANGE_ONLY" -> WritePolicy.ON_CHANGE_ONLY;
                    case "EVERY_WRITE" -> WritePolicy.EVERY_WRITE;
                    default -> throw new DefinitionException(where + ".write must be ON_CHANGE_ONLY or EVERY_WRITE "
                            + "(a register kept in flash memory must not be written by a definition)");
                });
            }
            return register;
        } catch (DefinitionException e) {
            throw e.getMessage().startsWith("registers[") ? e : new DefinitionException(where + "." + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(where + ": " + e.getMessage());
        }
    }

    private static Map<Quantity, ValueSpec> values(JsonObject json, Kind kind, DeviceProtocol registers)
            throws DefinitionException {
        JsonElement element = json.get("values");
        if (element == null || !element.isJsonObject()) {
            throw new DefinitionException("\"values\" must be an object: quantity -> register name or JSON path");
        }
        Map<Quantity, ValueSpec> values = new EnumMap<>(Quantity.class);
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            Quantity quantity = Quantity.ofKey(entry.getKey());
            if (quantity == null) {
                throw new DefinitionException("values." + entry.getKey() + " is no known quantity; known: "
                        + Arrays.stream(Quantity.values()).map(Quantity::key).toList());
            }
            ValueSpec spec;
            if (entry.getValue().isJsonPrimitive()) {
                spec = new ValueSpec(entry.getValue().getAsString(), 1);
            } else if (entry.getValue().isJsonObject()) {
                JsonObject object = entry.getValue().getAsJsonObject();
                spec = new ValueSpec(text(object, "source", true), object.has("scale") ? number(object, "scale") : 1);
            } else {
                throw new DefinitionException("values." + entry.getKey() + " must be a string or {source, scale}");
            }
            if (registers != null && registers.register(spec.source()).isEmpty()) {
                throw new DefinitionException("values." + entry.getKey() + " names no register: " + spec.source());
            }
            values.put(quantity, spec);
        }
        Quantity required = kind == Kind.METER ? Quantity.POWER : Quantity.STATE;
        if (!values.containsKey(required)) {
            throw new DefinitionException("a " + kind.name().toLowerCase(Locale.ROOT) + " needs values." + required.key());
        }
        return values;
    }

    private static Map<Long, EvseState> states(JsonObject json) throws DefinitionException {
        JsonElement element = json.get("states");
        if (element == null || !element.isJsonObject() || element.getAsJsonObject().isEmpty()) {
            throw new DefinitionException("a wallbox needs \"states\": raw state value -> " + Arrays.toString(
                    EvseState.values()));
        }
        Map<Long, EvseState> states = new HashMap<>();
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            try {
                states.put(Long.parseLong(entry.getKey().trim()),
                        EvseState.valueOf(entry.getValue().getAsString().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                throw new DefinitionException("states." + entry.getKey() + ": the key must be a number and the value "
                        + "one of " + Arrays.toString(EvseState.values()));
            }
        }
        return states;
    }

    private static String writableRegister(JsonObject json, String key, DeviceProtocol registers, boolean required)
            throws DefinitionException {
        String name = text(json, key, required);
        if (name == null) {
            return null;
        }
        Register register = registers.register(name).orElseThrow(() -> new DefinitionException("\"" + key
                + "\" names no register: " + name));
        if (!register.writable()) {
            throw new DefinitionException("\"" + key + "\": register " + name + " has no \"write\" policy");
        }
        return name;
    }

    private static String path(JsonObject json, String key, boolean required) throws DefinitionException {
        String path = text(json, key, required);
        if (path != null && !path.startsWith("/")) {
            throw new DefinitionException("\"" + key + "\" must be a path starting with /: " + path);
        }
        return path;
    }

    private static String text(JsonObject json, String key, boolean required) throws DefinitionException {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            if (required) {
                throw new DefinitionException("\"" + key + "\" is missing");
            }
            return null;
        }
        if (!value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw new DefinitionException("\"" + key + "\" must be a non-empty string");
        }
        return value.getAsString().trim();
    }

    private static double number(JsonObject json, String key) throws DefinitionException {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new DefinitionException("\"" + key + "\" must be a number");
        }
        return value.getAsDouble();
    }

    private static <E extends Enum<E>> E choice(JsonObject json, String key, Class<E> type) throws DefinitionException {
        String value = text(json, key, true);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DefinitionException("\"" + key + "\" must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not " + value);
        }
    }
}
