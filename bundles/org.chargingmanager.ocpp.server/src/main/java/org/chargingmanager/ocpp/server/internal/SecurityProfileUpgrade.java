package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.ChangeConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.ResetConfirmation;
import org.chargingmanager.ocpp.v16.ResetRequest;
import org.chargingmanager.ocpp.v16.ResetType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TC_083: moves a charge point to a higher security profile (ChangeConfiguration SecurityProfile,
 * then Reset Hard so it reconnects with it) and raises its minimum profile, so a connection with
 * the old, lower profile is refused from then on (downgrade protection). Preconditions are
 * checked first: a charge point that accepted a profile the server cannot serve would lock
 * itself out.
 */
final class SecurityProfileUpgrade {

    static final String SECURITY_PROFILE = "SecurityProfile";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityProfileUpgrade.class);

    private final ServerSettings settings;
    private final PasswordStore passwords;
    private final SecurityProfileStore minimums;

    SecurityProfileUpgrade(ServerSettings settings, PasswordStore passwords, SecurityProfileStore minimums) {
        this.settings = settings;
        this.passwords = passwords;
        this.minimums = minimums;
    }

    /** Whether the TLS handshake verifies client certificates (see {@link TlsSetup}). */
    boolean clientCertificatesVerified() {
        return settings.tlsMode().tls() && (settings.clientCaFile() != null || settings.requireClientCertificate());
    }

    /** @return why the charge point cannot be moved to this profile now, or null when it can */
    String refusal(ChargePoint chargePoint, int profile) {
        String id = chargePoint.id();
        int current = chargePoint.securityProfile();
        if (current < 0) {
            return null; // the caller reports Offline
        }
        if (profile < current) {
            return id + " is connected with security profile " + current + "; a charge point is not moved to a lower "
                    + "profile (it rejects it); to let a lower profile in, set the minimum security profile";
        }
        if (profile <= 2 && !passwords.passwordRequired(id)) {
            return "security profile " + profile + " needs an HTTP Basic password for " + id
                    + ": set its own password or a server password first (it must be configured on the charger too)";
        }
        if (profile >= 2 && !settings.tlsMode().tls()) {
            return "security profile " + profile + " needs TLS: set the OCPP server's TLS to Detect or On first";
        }
        if (profile == 3 && !clientCertificatesVerified()) {
            return "security profile 3 needs client certificates the server verifies: configure a client CA, or "
                    + "require client certificates (the charge-point CA is then trusted); the charger needs its "
                    + "certificate first (renew-certificate)";
        }
        if (!chargePoint.transactions.isEmpty()) {
            return id + " has a running transaction on connector(s) " + chargePoint.transactions.keySet()
                    + "; the upgrade ends with a hard reset, try again when no session runs";
        }
        return null;
    }

    CompletionStage<ConfigurationStatus> upgrade(ChargePoint chargePoint, int profile) {
        if (profile < 1 || profile > SecurityProfileStore.HIGHEST) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a security profile to upgrade to is 1 to 3, not " + profile));
        }
        String id = chargePoint.id();
        if (!chargePoint.connected()) {
            return CompletableFuture.failedFuture(new OcppCallException("Offline", id + " is not connected"));
        }
        String refusal = refusal(chargePoint, profile);
        if (refusal != null) {
            LOG.warn("chargeBox={} security profile {} refused: {}", id, profile, refusal);
            return CompletableFuture.failedFuture(new OcppCallException("Refused", refusal));
        }
        int from = chargePoint.securityProfile();
        LOG.info("chargeBox={} operator upgrades the security profile {} -> {}: ChangeConfiguration {}", id, from, profile,
                SECURITY_PROFILE);
        return chargePoint.call(new ChangeConfigurationRequest(SECURITY_PROFILE, Integer.toString(profile)))
                .handle((confirmation, failure) -> {
                    if (failure != null) {
                        LOG.warn("chargeBox={} security profile not changed, the minimum stays {}: {}", id,
                                minimums.minimum(id), failure.getMessage());
                        throw failure instanceof CompletionException completion ? completion
                                : new CompletionException(failure);
                    }
                    ConfigurationStatus status = ((ChangeConfigurationConfirmation) confirmation).status();
                    if (status != ConfigurationStatus.ACCEPTED && status != ConfigurationStatus.REBOOT_REQUIRED) {
                        LOG.warn("chargeBox={} answered {} to security profile {}; the minimum stays {}", id,
                                status.wireValue(), profile, minimums.minimum(id));
                        return status;
                    }
                    try {
                        minimums.setMinimum(id, Math.max(profile, minimums.minimum(id)));
                    } catch (IOException e) {
                        LOG.error("chargeBox={} accepted security profile {}, but the minimum could not be stored: {}", id,
                                profile, e.toString());
                        throw new CompletionException(e);
                    }
                    LOG.info("chargeBox={} {} security profile {}: connections below it are refused from now on; "
                            + "Reset Hard so it reconnects with it", id, status.wireValue(), profile);
                    chargePoint.call(new ResetRequest(ResetType.HARD)).whenComplete((reset, resetFailure) -> {
                        if (resetFailure != null) {
                            LOG.warn("chargeBox={} Reset after the security profile upgrade failed: {}", id,
                                    resetFailure.getMessage());
                        } else if (reset instanceof ResetConfirmation answer) {
                            LOG.info("chargeBox={} Reset Hard after the security profile upgrade: {}", id,
                                    answer.status().wireValue());
                        }
                    });
                    return status;
                });
    }

    /** The operator's explicit change of the minimum (e.g. a replaced wallbox that starts on profile 1). */
    void setMinimum(String chargeBoxId, int profile) throws IOException {
        if (!ChargeBoxIds.valid(chargeBoxId)) {
            throw new IllegalArgumentException("not a valid charge box ID: " + chargeBoxId);
        }
        int old = minimums.setMinimum(chargeBoxId, profile);
        if (profile < old) {
            LOG.warn("chargeBox={} SECURITY: minimum security profile lowered from {} to {} by the operator", chargeBoxId,
                    old, profile);
        } else {
            LOG.info("chargeBox={} minimum security profile set from {} to {} by the operator", chargeBoxId, old, profile);
        }
    }
}
