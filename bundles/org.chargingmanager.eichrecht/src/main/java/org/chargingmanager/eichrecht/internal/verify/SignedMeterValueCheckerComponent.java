package org.chargingmanager.eichrecht.internal.verify;

import org.chargingmanager.api.eichrecht.SignedMeterValueChecker;
import org.chargingmanager.api.eichrecht.VerificationResult;
import org.osgi.service.component.annotations.Component;

/** The {@link SignedMeterValueChecker} service: OCMF (all curves of the spec) and Alfen. */
@Component(service = SignedMeterValueChecker.class)
public class SignedMeterValueCheckerComponent implements SignedMeterValueChecker {

    private final SignedDataVerifier verifier = new SignedDataVerifier();

    @Override
    public VerificationResult verify(String signedData, String trustedPublicKey) {
        return verifier.verify(signedData, trustedPublicKey);
    }
}
