package org.chargingmanager.eichrecht.internal.signing;

import java.io.IOException;
import java.util.Hashtable;

import org.chargingmanager.api.Evse;
import org.chargingmanager.api.InternalReadingSigner;
import org.chargingmanager.api.TrustedKeys;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A charging point's Eichrecht settings: stores an entered meter key as confirmed, and with
 * internal signing on registers an {@link InternalReadingSigner} for the charging point (whose
 * public key becomes its trusted key unless a meter key is entered).
 */
@Component(name = EvseEichrechtSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = EvseEichrechtConfig.class, factory = true)
public class EvseEichrechtSettings {

    public static final String PID = "org.chargingmanager.eichrecht.evse";

    private static final Logger LOG = LoggerFactory.getLogger(EvseEichrechtSettings.class);

    private final ServiceRegistration<InternalReadingSigner> registration;

    @Activate
    public EvseEichrechtSettings(BundleContext context, EvseEichrechtConfig config, @Reference TrustedKeys trustedKeys,
            @Reference InternalSigningKey signingKey) throws IOException {
        String evseId = config.evseId();
        String meterKey = config.meterPublicKey() == null ? "" : config.meterPublicKey().strip();
        if (!meterKey.isEmpty()) {
            try {
                trustedKeys.enter(evseId, meterKey, "admin settings");
            } catch (IllegalArgumentException e) {
                LOG.warn("Eichrecht: EVSE {}: the meter public key in the settings is not usable: {}", evseId,
                        e.getMessage());
            }
        }
        if (!config.signInternalReadings()) {
            registration = null;
            return;
        }
        EvseReadingSigner signer = new EvseReadingSigner(evseId, signingKey.signer());
        if (meterKey.isEmpty()) {
            trustedKeys.enter(evseId, signer.publicKey(), "internal signing");
        } else {
            LOG.warn("Eichrecht: EVSE {}: internal signing is on but a meter key is entered; internally signed "
                    + "readings will not verify against it", evseId);
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, evseId);
        registration = context.registerService(InternalReadingSigner.class, signer, properties);
        LOG.info("Eichrecht: EVSE {}: internal signing on, public key {}", evseId, signer.publicKey());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters our services itself when the bundle stops
            }
        }
    }
}
