package org.chargingmanager.gridsignal.internal.input;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.modbus.ModbusTable;

/**
 * A contact input's configuration, checked: every problem is an {@link IllegalArgumentException} whose message
 * names the setting.
 */
record ContactInputSettings(String id, Template template, String variable, String source, boolean activeWhenClosed,
        Duration debounce, Duration poll, Duration timeout, String host, int port, int unitId, ModbusTable table,
        int[] addresses, List<URI> urls, String jsonField, ContactMapping mapping, FailsafeSettings failsafe) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,48}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    int contacts() {
        return mapping.levels().length;
    }

    GridSourceInfo info() {
        return new GridSourceInfo("input-" + id, template.kind(), variable, mapping.unit(), mapping.inactiveValue(),
                failsafe);
    }

    static ContactInputSettings of(ContactInputConfig config) {
        String id = config.id() == null ? "" : config.id().trim();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'ID' must be 1 to 48 letters, digits, - or _, not '" + id + "'");
        }
        Template template = parseEnum(Template.class, config.template(), "Template");
        String variable = config.variable() == null || config.variable().isBlank() ? template.defaultVariable()
                : config.variable().trim();
        if (!VARIABLE.matcher(variable).matches()) {
            throw new IllegalArgumentException("'Variable' must be a variable name (letters, digits, _), not '"
                    + variable + "'");
        }
        ContactMapping mapping = mapping(config, template);
        String source = config.source() == null ? "" : config.source().trim().toUpperCase(Locale.ROOT);
        int[] addresses = new int[0];
        List<URI> urls = List.of();
        ModbusTable table = ModbusTable.DISCRETE_INPUTS;
        String host = config.host() == null ? "" : config.host().trim();
        switch (source) {
        case "MODBUS":
            if (host.isEmpty()) {
                throw new IllegalArgumentException("'Modbus: host' is empty");
            }
            table = parseEnum(ModbusTable.class, config.table(), "Modbus: table");
            if (!table.bits()) {
                throw new IllegalArgumentException("'Modbus: table' must be DISCRETE_INPUTS or COILS");
            }
            addresses = addresses(config.addresses(), mapping.levels().length);
            break;
        case "URL":
            urls = urls(config.urls(), mapping.levels().length);
            break;
        case "HTTP":
            break;
        default:
            throw new IllegalArgumentException("'Contacts are read from' must be MODBUS, HTTP or URL, not '"
                    + config.source() + "'");
        }
        String activeWhen = config.activeWhen() == null ? "" : config.activeWhen().trim().toUpperCase(Locale.ROOT);
        if (!activeWhen.equals("CLOSED") && !activeWhen.equals("OPEN")) {
            throw new IllegalArgumentException("'Restrict when the contact is' must be CLOSED or OPEN, not '"
                    + config.activeWhen() + "'");
        }
        double failsafeLimit;
        if (config.failsafeLimit() == null || config.failsafeLimit().isBlank()) {
            failsafeLimit = mapping.mostRestrictive();
        } else {
            failsafeLimit = number(config.failsafeLimit(), "Failsafe: limit");
        }
        FailsafeSettings failsafe = new FailsafeSettings(Duration.ofSeconds(Math.max(0, config.lostAfterSeconds())),
                failsafeLimit, Duration.ofSeconds(Math.max(0, config.failsafeMinimumSeconds())));
        return new ContactInputSettings(id, template, variable, source, activeWhen.equals("CLOSED"),
                Duration.ofMillis(Math.max(0, config.debounceMillis())), Duration.ofMillis(Math.max(50, config.pollMillis())),
                Duration.ofMillis(Math.max(100, config.timeoutMillis())), host, config.port(), config.unitId(), table,
                addresses, urls, config.jsonField() == null || config.jsonField().isBlank() ? "state"
                        : config.jsonField().trim(), mapping, failsafe);
    }

    private static ContactMapping mapping(ContactInputConfig config, Template template) {
        switch (template) {
        case P14A: {
            if (config.devices() < 1) {
                throw new IllegalArgumentException("'§14a: controllable devices' must be at least 1");
            }
            if (config.simultaneityFactor() < 0 || config.simultaneityFactor() > 1) {
                throw new IllegalArgumentException("'§14a: simultaneity factor' must be from 0 to 1");
            }
            if (config.powerPerDeviceWatts() < 4200) {
                throw new IllegalArgumentException("'§14a: power per controllable device' must be at least 4200 W "
                        + "(§14a EnWG leaves each device at least 4.2 kW)");
            }
            double cap = ContactMapping.p14aCapPerDeviceWatts(config.powerPerDeviceWatts(), config.devices(),
                    config.simultaneityFactor());
            if (config.unrestrictedWatts() <= cap) {
                throw new IllegalArgumentException("'§14a: value while not curtailed' must be above the cap of "
                        + (long) cap + " W");
            }
            return new ContactMapping(template, "W", new double[] { cap }, config.unrestrictedWatts());
        }
        case RIPPLE: {
            String[] texts = config.levels() == null ? new String[0] : config.levels();
            if (texts.length < 1 || texts.length > 4) {
                throw new IllegalArgumentException("'Ripple control: level per contact' needs 1 to 4 levels");
            }
            double[] levels = new double[texts.length];
            for (int i = 0; i < texts.length; i++) {
                levels[i] = number(texts[i], "Ripple control: level per contact");
                if (levels[i] < 0 || levels[i] > 100) {
                    throw new IllegalArgumentException("'Ripple control: level per contact' must be 0 to 100 %, not "
                            + texts[i]);
                }
            }
            return new ContactMapping(template, "%", levels, 100);
        }
        default:
            if (config.valueWhenActive() >= config.valueWhenInactive()) {
                throw new IllegalArgumentException("'Custom: value when active' must be below the value when not "
                        + "active (a lower value restricts)");
            }
            return new ContactMapping(template, config.unit() == null ? "" : config.unit().trim(),
                    new double[] { config.valueWhenActive() }, config.valueWhenInactive());
        }
    }

    private static int[] addresses(String[] texts, int contacts) {
        if (texts == null || texts.length != contacts) {
            throw new IllegalArgumentException("'Modbus: addresses' needs " + contacts + " address(es), one per contact");
        }
        int[] addresses = new int[contacts];
        for (int i = 0; i < contacts; i++) {
            try {
                addresses[i] = Integer.parseInt(texts[i].trim());
            } catch (NumberFormatException e) {
                addresses[i] = -1;
            }
            if (addresses[i] < 0 || addresses[i] > 65535) {
                throw new IllegalArgumentException("'Modbus: addresses': '" + texts[i] + "' is not an address 0..65535");
            }
        }
        return addresses;
    }

    private static List<URI> urls(String[] texts, int contacts) {
        if (texts == null || texts.length != contacts) {
            throw new IllegalArgumentException("'URL per contact' needs " + contacts + " URL(s), one per contact");
        }
        List<URI> urls = new ArrayList<>();
        for (String text : texts) {
            URI uri;
            try {
                uri = URI.create(text.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'URL per contact': not a URL: " + e.getMessage());
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("'URL per contact' must be http:// or https:// URLs with a host");
            }
            urls.add(uri);
        }
        return urls;
    }

    private static double number(String text, String setting) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + setting + "' must be a number, not '" + text + "'");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String setting) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + setting + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'");
        }
    }
}
