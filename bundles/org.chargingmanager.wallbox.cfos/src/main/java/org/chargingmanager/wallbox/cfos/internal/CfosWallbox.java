package org.chargingmanager.wallbox.cfos.internal;

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
 * One configured cFos Power Brain: opens its Modbus line, registers its charging point as an {@link Evse}
 * and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = CfosWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = CfosWallboxConfig.class, factory = true)
public class CfosWallbox {

    public static final String PID = "org.chargingmanager.wallbox.cfos";

    private static final Logger LOG = LoggerFactory.getLogger(CfosWallbox.class);

    private final PolledDevice device;

    @Activate
    public CfosWallbox(BundleContext context, CfosWallboxConfig config, @Reference ModbusLines lines) {
        CfosSettings settings;
        try {
            settings = CfosSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("cFos wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("cFos wallbox", settings.evseId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Evse.ID_PROPERTY, settings.evseId(),
                Evse.DRIVER_PROPERTY, CfosCharger.DRIVER);
        device = PolledDevice.start(context, lines, spec, Evse.class, properties,
                (line, urgent) -> new CfosCharger(settings, line, Clock.systemUTC(), urgent), CfosCharger::pollOnce);
        LOG.info("cFos wallbox {} configured at {} unit {}", settings.evseId(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
