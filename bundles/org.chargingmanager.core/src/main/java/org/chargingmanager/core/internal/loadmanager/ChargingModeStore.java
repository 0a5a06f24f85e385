package org.chargingmanager.core.internal.loadmanager;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.api.evse.ChargingModes;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging modes, kept in the charging points' settings ({@code org.chargingmanager.core.evse}
 * factory configurations): a change updates that configuration, or creates one for a charging
 * point without settings, and the load manager picks it up like any settings change.
 */
@Component(service = ChargingModes.class)
public class ChargingModeStore implements ChargingModes {

    static final String FACTORY_PID = "org.chargingmanager.core.evse";
    private static final Logger LOG = LoggerFactory.getLogger(ChargingModeStore.class);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ChargingModeStore(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public Map<String, ChargingMode> modes() {
        Map<String, ChargingMode> modes = new TreeMap<>();
        for (Configuration configuration : settings()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            Object evseId = properties == null ? null : properties.get("evseId");
            if (evseId != null && !evseId.toString().isBlank()) {
                modes.put(evseId.toString().trim(), mode(properties.get("chargingMode")));
            }
        }
        return modes;
    }

    @Override
    public ChargingMode mode(String evseId) {
        return modes().getOrDefault(evseId, ChargingMode.FAST);
    }

    @Override
    public synchronized void setMode(String evseId, ChargingMode mode, String user) throws IOException {
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("a charging point ID is needed");
        }
        String id = evseId.trim();
        Configuration target = null;
        for (Configuration configuration : settings()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties != null && id.equals(String.valueOf(properties.get("evseId")).trim())) {
                target = configuration;
                break;
            }
        }
        Dictionary<String, Object> properties;
        if (target == null) {
            target = configurationAdmin.getFactoryConfiguration(FACTORY_PID, id.replaceAll("[^A-Za-z0-9_.-]", "_"), "?");
            properties = new Hashtable<>();
            properties.put("evseId", id);
        } else {
            properties = target.getProperties();
        }
        ChargingMode before = mode(properties.get("chargingMode"));
        properties.put("chargingMode", mode.name());
        target.update(properties);
        LOG.info("EVSE {}: charging mode {} -> {} (by {})", id, before, mode, user);
    }

    private Configuration[] settings() {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
            return found == null ? new Configuration[0] : found;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Cannot read the charging point settings: {}", e.getMessage());
            return new Configuration[0];
        }
    }

    private static ChargingMode mode(Object value) {
        if (value == null || value.toString().isBlank()) {
            return ChargingMode.FAST;
        }
        try {
            return ChargingMode.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ChargingMode.FAST;
        }
    }
}
