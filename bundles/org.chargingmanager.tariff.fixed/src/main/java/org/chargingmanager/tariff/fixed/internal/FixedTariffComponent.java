package org.chargingmanager.tariff.fixed.internal;

import java.time.Clock;
import java.util.Hashtable;

import org.chargingmanager.api.tariff.Tariff;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One configured fixed or time-of-use tariff, registered as a {@link Tariff} service. */
@Designate(ocd = FixedTariffConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.fixed", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class FixedTariffComponent {

    private static final Logger LOG = LoggerFactory.getLogger(FixedTariffComponent.class);

    private final ServiceRegistration<Tariff> registration;

    /**
     * A configuration that cannot be read registers no tariff: the site then has no price rather
     * than a wrong one, and the log names the line to correct.
     */
    @Activate
    public FixedTariffComponent(BundleContext context, FixedTariffConfig config) {
        FixedTariff tariff;
        try {
            tariff = new FixedTariff(config, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            registration = null;
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Tariff.ID_PROPERTY, tariff.id());
        properties.put(Constants.SERVICE_RANKING, config.ranking());
        registration = context.registerService(Tariff.class, tariff, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
