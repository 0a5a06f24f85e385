package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.CertificateSignedConfirmation;
import org.chargingmanager.ocpp.v16.CertificateSignedRequest;
import org.chargingmanager.ocpp.v16.ChangeConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.ExtendedTriggerMessageConfirmation;
import org.chargingmanager.ocpp.v16.ExtendedTriggerMessageRequest;
import org.chargingmanager.ocpp.v16.MessageTriggerExtended;
import org.chargingmanager.ocpp.v16.SignCertificateConfirmation;
import org.chargingmanager.ocpp.v16.SignCertificateRequest;
import org.chargingmanager.ocpp.v16.SignCertificateStatus;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security extension's operations that need state of the server: the charge point password
 * (TC_073, ChangeConfiguration AuthorizationKey) and charge point certificates (SignCertificate →
 * CertificateSigned, ExtendedTriggerMessage SignChargePointCertificate). Never logs a password.
 */
final class ChargePointSecurity {

    static final String AUTHORIZATION_KEY = "AuthorizationKey";
    /** Password length the whitepaper allows for AuthorizationKey: 16 to 20 bytes (32 to 40 hex digits). */
    static final int MIN_PASSWORD_BYTES = 16;
    static final int MAX_PASSWORD_BYTES = 20;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(ChargePointSecurity.class);

    private final java.nio.file.Path dataDirectory;
    private final CertificateAuthoritySettings caSettings;
    private final PasswordStore passwords;
    private ChargePointCa ca;

    ChargePointSecurity(java.nio.file.Path dataDirectory, CertificateAuthoritySettings caSettings, PasswordStore passwords) {
        this.dataDirectory = dataDirectory;
        this.caSettings = caSettings;
        this.passwords = passwords;
    }

    /** The charge-point CA, loaded (or generated) when first needed. */
    synchronized ChargePointCa ca() throws IOException, java.security.GeneralSecurityException {
        if (ca == null) {
            ca = ChargePointCa.load(dataDirectory, caSettings);
            LOG.info("charge-point CA {} ({}), valid until {}", ca.certificate().getSubjectX500Principal(),
                    caSettings.certificateFile() == null ? "generated, " + dataDirectory.resolve("ocpp-server")
                            .resolve(ChargePointCa.CERTIFICATE_FILE) : caSettings.certificateFile(),
                    ca.certificate().getNotAfter().toInstant());
        }
        return ca;
    }

    /**
     * A new password: 20 random letters and digits (about 119 bits). Printable ASCII on purpose:
     * its AuthorizationKey (the hex of its bytes) decodes to the very password, so a charger that
     * decodes the key and one that sends the hex text both authenticate (see {@link PasswordStore}).
     */
    static char[] generatePassword() {
        char[] password = new char[MAX_PASSWORD_BYTES];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }

    /** The AuthorizationKey value: the password's UTF-8 bytes in hexadecimal. */
    static String authorizationKey(char[] password) {
        java.nio.ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] exact = new byte[buffer.remaining()];
        buffer.get(exact);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        if (exact.length < MIN_PASSWORD_BYTES || exact.length > MAX_PASSWORD_BYTES) {
            Arrays.fill(exact, (byte) 0);
            throw new IllegalArgumentException("an AuthorizationKey password has " + MIN_PASSWORD_BYTES + " to "
                    + MAX_PASSWORD_BYTES + " bytes");
        }
        String hex = HexFormat.of().formatHex(exact);
        Arrays.fill(exact, (byte) 0);
        return hex;
    }

    /**
     * TC_073: sends ChangeConfiguration AuthorizationKey; the new password's hash is stored only
     * when the charge point answers Accepted (or RebootRequired: it uses the key after its
     * reboot). Rejected, NotSupported, a CALLERROR or no answer keep the old password.
     */
    CompletionStage<ConfigurationStatus> changePassword(ChargePoint chargePoint, char[] password) {
        String key;
        try {
            key = authorizationKey(password);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        char[] copy = password.clone();
        String id = chargePoint.id();
        LOG.info("chargeBox={} operator changes the charge point password: ChangeConfiguration {}", id, AUTHORIZATION_KEY);
        return chargePoint.call(new ChangeConfigurationRequest(AUTHORIZATION_KEY, key)).handle((confirmation, failure) -> {
            try {
                if (failure != null) {
                    LOG.warn("chargeBox={} password not changed, the old one stays: {}", id, failure.getMessage());
                    throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
                }
                ConfigurationStatus status = ((ChangeConfigurationConfirmation) confirmation).status();
                if (status == ConfigurationStatus.ACCEPTED || status == ConfigurationStatus.REBOOT_REQUIRED) {
                    try {
                        passwords.setChargePointPassword(id, copy.clone());
                    } catch (IOException e) {
                        LOG.error("chargeBox={} accepted the new password, but it could not be stored: {}", id, e.toString());
                        throw new CompletionException(e);
                    }
                    LOG.info("chargeBox={} {} the new password; the old one no longer works", id, status.wireValue());
                } else {
                    LOG.warn("chargeBox={} answered {} to the new password; the old one stays", id, status.wireValue());
                }
                return status;
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    /** SignCertificate from a charge point: Accepted and, after the answer, CertificateSigned; or Rejected. */
    Object signCertificate(ChargePoint chargePoint, SignCertificateRequest request) {
        String id = chargePoint.id();
        ChargePointCa.Signed signed;
        try {
            signed = ca().sign(id, request.csr());
        } catch (IOException | java.security.GeneralSecurityException e) {
            LOG.error("chargeBox={} SignCertificate rejected: the charge-point CA is not available: {}", id, e.toString());
            return new SignCertificateConfirmation(SignCertificateStatus.REJECTED);
        } catch (ChargePointCa.Refused refused) {
            LOG.warn("chargeBox={} SECURITY: SignCertificate rejected: {}", id, refused.getMessage());
            return new SignCertificateConfirmation(SignCertificateStatus.REJECTED);
        }
        LOG.info("chargeBox={} SignCertificate accepted: certificate serial {} for {} valid until {}", id,
                signed.certificate().getSerialNumber().toString(16), signed.certificate().getSubjectX500Principal(),
                signed.certificate().getNotAfter().toInstant());
        chargePoint.afterThisAnswer(() -> chargePoint.call(new CertificateSignedRequest(signed.chainPem()))
                .whenComplete((confirmation, failure) -> {
                    if (failure != null) {
                        LOG.warn("chargeBox={} CertificateSigned failed: {}", id, failure.getMessage());
                    } else if (confirmation instanceof CertificateSignedConfirmation answer) {
                        LOG.info("chargeBox={} CertificateSigned serial {}: {}", id,
                                signed.certificate().getSerialNumber().toString(16), answer.status().wireValue());
                    }
                }));
        return new SignCertificateConfirmation(SignCertificateStatus.ACCEPTED);
    }

    /** ExtendedTriggerMessage SignChargePointCertificate: the charge point makes a new key and sends a CSR. */
    CompletionStage<TriggerMessageStatus> renewCertificate(ChargePoint chargePoint) {
        LOG.info("chargeBox={} operator asks for a new charge point certificate: ExtendedTriggerMessage SignChargePointCertificate",
                chargePoint.id());
        return chargePoint.call(new ExtendedTriggerMessageRequest(MessageTriggerExtended.SIGN_CHARGE_POINT_CERTIFICATE, null))
                .thenApply(confirmation -> {
                    TriggerMessageStatus status = ((ExtendedTriggerMessageConfirmation) confirmation).status();
                    LOG.info("chargeBox={} ExtendedTriggerMessage SignChargePointCertificate: {}", chargePoint.id(),
                            status.wireValue());
                    return status;
                });
    }

    static <T> CompletableFuture<T> offline(String chargeBoxId) {
        return CompletableFuture.failedFuture(new OcppCallException("Offline", chargeBoxId + " is not known"));
    }
}
