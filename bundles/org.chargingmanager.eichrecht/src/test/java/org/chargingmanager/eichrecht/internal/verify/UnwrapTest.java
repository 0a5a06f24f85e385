package org.chargingmanager.eichrecht.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What arrives in an OCPP SampledValue with format SignedData. */
class UnwrapTest {

    private final SignedDataVerifier verifier = new SignedDataVerifier();
    private final Sample sample = Samples.verifyingOcmf().get(2);

    @ParameterizedTest
    @ValueSource(strings = {"raw", "hex", "lowerHex", "signedMeterData", "signedMeterValue", "containerWithHex",
        "containerWithDerKey"})
    void everyTransportFormVerifies(String form) {
        String data = sample.signedData();
        String base64 = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        String hex = Hex.encode(data.getBytes(StandardCharsets.UTF_8));
        String wrapped;
        switch (form) {
            case "raw":
                wrapped = data;
                break;
            case "hex":
                wrapped = hex;
                break;
            case "lowerHex":
                wrapped = hex.toLowerCase();
                break;
            case "signedMeterData":
                wrapped = "{\"signedMeterData\":\"" + base64 + "\",\"encodingMethod\":\"OCMF\"}";
                break;
            case "signedMeterValue":
                wrapped = "{ \"signedMeterValue\" : \"" + base64 + "\", \"encodingMethod\" : \"OCMF\" }";
                break;
            case "containerWithHex":
                wrapped = "{\"signedMeterData\":\""
                        + Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII)) + "\"}";
                break;
            default:
                wrapped = "{\"signedMeterData\":\"" + base64 + "\",\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(Hex.decodeLenient(sample.publicKey())) + "\"}";
                break;
        }

        var result = verifier.verify(wrapped, sample.publicKey());

        assertThat(result.status()).as(result.reason()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"signedMeterData\":\"AAEC\",\"encodingMethod\":\"EDL\"}", "0A0B0C", "SML...", "{}"})
    void otherContentIsAnUnsupportedFormat(String value) {
        var result = verifier.verify(value, sample.publicKey());

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
        assertThat(result.reason()).startsWith("unsupported format");
    }
}
