package org.chargingmanager.wallbox.alfen.internal;

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
 * One configured Alfen Eve socket: opens its Modbus line (shared with the other socket), registers it as an {@link Evse}
 * and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = AlfenWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = AlfenWallboxConfig.class, factory = true)
public class AlfenWallbox {

    public static final String PID = "org.chargingmanager.wallbox.alfen";

    private static final Logger LOG = LoggerFactory.getLogger(AlfenWallbox.class);

    private final PolledDevice device;

    @Activate
    public AlfenWallbox(BundleContext context, AlfenWallboxConfig config, @Reference ModbusLines lines) {
        AlfenSettings settings;
        try {
            settings = AlfenSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Alfen wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("Alfen wallbox", settings.evseId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Evse.ID_PROPERTY, settings.evseId(),
                Evse.DRIVER_PROPERTY, AlfenCharger.DRIVER);
        device = PolledDevice.start(context, lines, spec, Evse.class, properties,
                (line, urgent) -> new AlfenCharger(settings, line, Clock.systemUTC(), urgent), AlfenCharger::pollOnce);
        LOG.info("Alfen wallbox {} configured at {} socket {}", settings.evseId(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
