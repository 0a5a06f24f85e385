package org.chargingmanager.wallbox.phoenix.internal;

import java.time.Clock;
import java.util.Map;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.modbus.ModbusLines;
import org.chargingmanager.modbus.driver.PolledDevice;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured wallbox with a Phoenix Contact EV Charge Control: opens its Modbus line, registers its charging point as an {@link Evse}
 * and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = PhoenixWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = PhoenixWallboxConfig.class, factory = true)
public class PhoenixWallbox {

    public static final String PID = "org.chargingmanager.wallbox.phoenix";

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixWallbox.class);

    private final PolledDevice device;

    @Activate
    public PhoenixWallbox(BundleContext context, PhoenixWallboxConfig config, @Reference ModbusLines lines) {
        PhoenixSettings settings;
        try {
            settings = PhoenixSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Phoenix wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("Phoenix wallbox", settings.evseId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Evse.ID_PROPERTY, settings.evseId(),
                Evse.DRIVER_PROPERTY, PhoenixCharger.DRIVER);
        device = PolledDevice.start(context, lines, spec, Evse.class, properties,
                (line, urgent) -> new PhoenixCharger(settings, line, Clock.systemUTC(), urgent),
                PhoenixCharger::pollOnce);
        LOG.info("Phoenix wallbox {} configured at {} unit {}", settings.evseId(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
