package org.chargingmanager.eichrecht.internal.signing;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.chargingmanager.api.eichrecht.InternalReadingSigner;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.evse.Evse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
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
    public EvseEichrechtSettings(BundleContext context, EvseEichrechtConfig config, Map<String, Object> properties,
            @Reference TrustedKeys trustedKeys, @Reference InternalSigningKey signingKey,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurationAdmin) throws IOException {
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
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(Evse.ID_PROPERTY, evseId);
        registration = context.registerService(InternalReadingSigner.class, signer, serviceProperties);
        LOG.info("Eichrecht: EVSE {}: internal signing on, public key {}", evseId, signer.publicKey());
        if (!signer.publicKey().equals(config.internalSigningPublicKey())) {
            showPublicKey(configurationAdmin, properties.get(Constants.SERVICE_PID), signer.publicKey());
        }
    }

    /**
     * Writes the public key into these settings, where the admin sees it in the Web Console (the
     * component is then activated once more with the same settings plus the key).
     */
    private static void showPublicKey(ConfigurationAdmin configurationAdmin, Object pid, String publicKey) {
        if (configurationAdmin == null || pid == null) {
            return;
        }
        try {
            Configuration configuration = configurationAdmin.getConfiguration(pid.toString(), null);
            Dictionary<String, Object> current = configuration.getProperties();
            if (current != null) {
                current.put("internalSigningPublicKey", publicKey);
                configuration.updateIfDifferent(current);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Eichrecht: the internal signing key could not be shown in the settings {}: {}", pid, e.toString());
        }
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
