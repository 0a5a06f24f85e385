package org.chargingmanager.meter.eastron.internal;

import java.time.Clock;
import java.util.Map;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.meter.Meter;
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

/** One configured Eastron meter: registers it as a {@link Meter} and polls it in a thread of its own. */
@Component(name = EastronMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = EastronMeterConfig.class, factory = true)
public class EastronMeter {

    public static final String PID = "org.chargingmanager.meter.eastron";

    private static final Logger LOG = LoggerFactory.getLogger(EastronMeter.class);

    private final PolledDevice device;

    @Activate
    public EastronMeter(BundleContext context, EastronMeterConfig config, @Reference ModbusLines lines) {
        EastronSettings settings;
        try {
            settings = EastronSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Eastron meter {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("Eastron meter", settings.meterId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Meter.ID_PROPERTY, settings.meterId(),
                Meter.ROLE_PROPERTY, settings.role().name(), Evse.DRIVER_PROPERTY, EastronReader.DRIVER);
        device = PolledDevice.start(context, lines, spec, Meter.class, properties,
                (line, urgent) -> new EastronReader(settings, line, Clock.systemUTC()), EastronReader::pollOnce);
        LOG.info("Eastron meter {} ({}, role {}) configured at {} unit {}", settings.meterId(),
                settings.model().displayName(), settings.role(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
