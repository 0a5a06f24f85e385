package org.chargingmanager.mqtt.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;

import org.chargingmanager.api.evse.ChargingModes;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.variables.Variables;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT publisher as a DS component (PID {@code org.chargingmanager.mqtt}). It needs a
 * configuration with a broker URL, so nothing connects before one is set; the standalone runtime
 * creates it from {@code CHARGINGMANAGER_MQTT_URL} ({@link EnvironmentConfiguration}).
 *
 * <p>The grid node's house limit is the load manager's: its configuration
 * ({@code org.chargingmanager.core.loadmanager}) is read through ConfigurationAdmin and its
 * expressions computed with {@link Variables#evaluate}.
 */
@Component(name = MqttPublisher.PID, configurationPid = MqttPublisher.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {}, immediate = true)
@Designate(ocd = MqttConfig.class)
public final class MqttPublisher {

    public static final String PID = "org.chargingmanager.mqtt";
    static final String LOAD_MANAGER_PID = "org.chargingmanager.core.loadmanager";
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Meter> meters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingModes chargingModes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingPlans chargingPlans;

    private final HomieBridge bridge;

    @Activate
    public MqttPublisher(MqttConfig config, @Reference Variables variables, @Reference EvseDirectory evses) {
        MqttSettings settings;
        try {
            settings = MqttSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("MQTT: configuration {}: {}; not connecting", PID, e.getMessage());
            bridge = null;
            return;
        }
        SiteReader reader = new SiteReader();
        bridge = new HomieBridge(settings,
                () -> reader.read(variables, List.copyOf(evses.evses()), list(meters), houseLimit(), chargingModes, chargingPlans),
                variables, () -> chargingModes, () -> chargingPlans, Clock.systemDefaultZone(), POLL_INTERVAL);
        bridge.start();
    }

    @Deactivate
    void deactivate() {
        if (bridge != null) {
            bridge.stop();
        }
    }

    private static <T> List<T> list(List<T> services) {
        return services == null ? List.of() : services;
    }

    private HouseLimitSettings houseLimit() {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return HouseLimitSettings.DEFAULTS;
        }
        try {
            Configuration[] configurations = admin.listConfigurations("(service.pid=" + LOAD_MANAGER_PID + ")");
            if (configurations == null || configurations.length == 0 || configurations[0].getProperties() == null) {
                return HouseLimitSettings.DEFAULTS;
            }
            Dictionary<String, Object> properties = configurations[0].getProperties();
            return new HouseLimitSettings(
                    text(properties.get("houseConnectionCurrentAmps"), HouseLimitSettings.DEFAULTS.currentAmpsExpression()),
                    text(properties.get("houseConnectionPowerWatts"), HouseLimitSettings.DEFAULTS.powerWattsExpression()),
                    text(properties.get("gridMeterId"), ""));
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            return HouseLimitSettings.DEFAULTS;
        }
    }

    private static String text(Object value, String whenMissing) {
        return value == null ? whenMissing : String.valueOf(value);
    }
}
