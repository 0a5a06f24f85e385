package org.chargingmanager.core.internal.loadmanager;

import java.util.Locale;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingMode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** The load management settings of one charging point, from ConfigAdmin. */
@Component(name = "org.chargingmanager.core.evse", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = EvseSettings.class)
@Designate(ocd = EvseSettingsConfig.class, factory = true)
public class EvseSettings {

    /** The settings of a charging point that has none configured. */
    static final Values DEFAULTS = new Values("", true, 0, "", "", 0, null, ChargingMode.FAST);

    /**
     * @param minCurrentMilliamps 0 for the charging point's own
     * @param phaseRotation {@code null} for the driver's
     */
    record Values(String evseId, boolean enabled, int priority, String maxCurrentAmps, String maxPowerWatts,
            int minCurrentMilliamps, PhaseRotation phaseRotation, ChargingMode chargingMode) {
    }

    private final Values values;

    @Activate
    public EvseSettings(EvseSettingsConfig config) {
        String rotation = config.phaseRotation() == null ? "" : config.phaseRotation().trim();
        this.values = new Values(config.evseId().trim(), config.enabled(), config.priority(),
                config.maxCurrentAmps().trim(), config.maxPowerWatts().trim(),
                (int) Math.round(config.minCurrentAmps() * 1000),
                rotation.isEmpty() ? null : PhaseRotation.valueOf(rotation.toUpperCase(Locale.ROOT)),
                chargingMode(config.chargingMode()));
    }

    /** An unknown mode is taken as FAST, the behaviour of a charging point without settings. */
    private static ChargingMode chargingMode(String text) {
        try {
            return text == null || text.isBlank() ? ChargingMode.FAST
                    : ChargingMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ChargingMode.FAST;
        }
    }

    Values values() {
        return values;
    }
}
