package org.chargingmanager.meter.sunspec.internal;

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

/** One configured SunSpec inverter or meter: registers it as a {@link Meter} and polls it in a thread of its own. */
@Component(name = SunSpecMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SunSpecMeterConfig.class, factory = true)
public class SunSpecMeter {

    public static final String PID = "org.chargingmanager.meter.sunspec";

    private static final Logger LOG = LoggerFactory.getLogger(SunSpecMeter.class);

    private final PolledDevice device;

    @Activate
    public SunSpecMeter(BundleContext context, SunSpecMeterConfig config, @Reference ModbusLines lines) {
        SunSpecSettings settings;
        try {
            settings = SunSpecSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("SunSpec meter {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        PolledDevice.Spec spec = new PolledDevice.Spec("SunSpec meter", settings.meterId(), settings.endpoint(),
                settings.pollInterval());
        Map<String, Object> properties = Map.of(Meter.ID_PROPERTY, settings.meterId(),
                Meter.ROLE_PROPERTY, settings.role().name(), Evse.DRIVER_PROPERTY, SunSpecReader.DRIVER);
        device = PolledDevice.start(context, lines, spec, Meter.class, properties,
                (line, urgent) -> new SunSpecReader(settings, line, Clock.systemUTC()), SunSpecReader::pollOnce);
        LOG.info("SunSpec meter {} ({} model, role {}) configured at {} unit {}", settings.meterId(),
                settings.source(), settings.role(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        device.close();
    }
}
