package org.chargingmanager.wallbox.abl.internal;

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
 * One configured ABL charging point: opens its Modbus line (an eMH1 bus may carry several boxes, an eM4 several
 * connectors: they share it), registers the charging point as an {@link Evse} and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = AblWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = AblWallboxConfig.class, factory = true)
public class AblWallbox {

    public static final String PID = "org.chargingmanager.wallbox.abl";

    private static final Logger LOG = LoggerFactory.getLogger(AblWallbox.class);

    private final PolledDevice device;

    @Activate
    public AblWallbox(BundleContext context, AblWallboxConfig config, @Reference ModbusLines lines) {
        AblSettings settings;
        try {
            settings = AblSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("ABL wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("ABL wallbox", settings.evseId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Evse.ID_PROPERTY, settings.evseId(),
                Evse.DRIVER_PROPERTY, AblCharger.DRIVER);
        device = PolledDevice.start(context, lines, spec, Evse.class, properties,
                (line, urgent) -> new AblCharger(settings, line, AblCharger.link(settings, line), Clock.systemUTC(), urgent),
                AblCharger::pollOnce);
        LOG.info("ABL wallbox {} configured at {} unit {}", settings.evseId(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
