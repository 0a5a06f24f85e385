package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ValueFormat;

/**
 * Issue 5 over OCPP, in the standalone runtime's bundles: a wallbox built from the third-party
 * Java-OCA-OCPP 1.6 client sends OCMF-signed begin (MeterValues, Transaction.Begin) and end
 * (StopTransaction's transactionData, Transaction.End) values, signed with a key pair made by the
 * test; the EVSE's stored trusted key decides: verified, or failed and nothing stored as billing
 * data. Separate from {@link OcppEndToEndIT} because offline charge points count as full load
 * there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OcppSignedMeterValuesIT {

    @Inject
    private BundleContext context;

    @Inject
    @Filter(Services.REAL_TRANSACTION_LOG)
    private TransactionLog transactionLog;

    @Inject
    private TrustedKeys trustedKeys;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.withOcaClient(StandaloneRuntime.options(StandaloneRuntime.testDirectory("ocpp-signed"),
                StandaloneRuntime.freePort(), name -> true));
    }

    private String baseUrl() {
        return StandaloneRuntime.ocppBaseUrl(context);
    }

    /** Issue 5: signed begin/end values over OCPP verify with the EVSE's stored key: green. */
    @Test
    public void signedBeginAndEndValuesVerifyWithTheTrustedKey() throws Exception {
        KeyPair meterKey = keyPair();
        trustedKeys.enter("ocpp-EICH-OK-1", HexFormat.of().formatHex(meterKey.getPublic().getEncoded()), "test");
        Transaction transaction = transactionLog.find(signedSession("EICH-OK", meterKey, 12_340, 19_870)).orElseThrow();

        assertEquals(transaction.signedMeterValues().toString(), VerificationStatus.VERIFIED,
                transaction.signatureStatus());
        assertEquals(2, transaction.signedMeterValues().size());
        assertEquals(List.of("Transaction.Begin", "Transaction.End"),
                transaction.signedMeterValues().stream().map(SignedMeterValue::context).toList());
        for (SignedMeterValue value : transaction.signedMeterValues()) {
            assertEquals(VerificationStatus.VERIFIED, value.status());
            assertTrue(value.rawData(), value.rawData().startsWith("OCMF|"));
        }
    }

    /** Issue 5: with a wrong stored key the transaction is red and no signed data is billing data. */
    @Test
    public void signedValuesWithAWrongStoredKeyFailAndAreNotStored() throws Exception {
        KeyPair meterKey = keyPair();
        KeyPair otherKey = keyPair();
        trustedKeys.enter("ocpp-EICH-BAD-1", HexFormat.of().formatHex(otherKey.getPublic().getEncoded()), "test");
        Transaction transaction = transactionLog.find(signedSession("EICH-BAD", meterKey, 500, 2_500)).orElseThrow();

        assertEquals(VerificationStatus.FAILED, transaction.signatureStatus());
        for (SignedMeterValue value : transaction.signedMeterValues()) {
            assertEquals(VerificationStatus.FAILED, value.status());
            assertEquals("the rejected data is not stored", "", value.rawData());
            assertTrue(value.reason(), value.reason().startsWith("rejected"));
        }
        assertEquals(transaction.signedMeterValues().toString(), 2, transaction.signedMeterValues().size());
    }

    /** Issue 5: a signed end reading that disagrees with meterStop fails the transaction. */
    @Test
    public void aSignedEndReadingThatDisagreesWithMeterStopFails() throws Exception {
        KeyPair meterKey = keyPair();
        trustedKeys.enter("ocpp-EICH-DIFF-1", HexFormat.of().formatHex(meterKey.getPublic().getEncoded()), "test");
        Transaction transaction = transactionLog.find(signedSession("EICH-DIFF", meterKey, 1_000, 3_000, 3_500)).orElseThrow();

        assertEquals(VerificationStatus.FAILED, transaction.signatureStatus());
        SignedMeterValue end = transaction.signedMeterValues().get(1);
        assertEquals(VerificationStatus.FAILED, end.status());
        assertTrue(end.reason(), end.reason().contains("meter stop"));
        assertEquals(VerificationStatus.VERIFIED, transaction.signedMeterValues().get(0).status());
    }

    private long signedSession(String chargeBoxId, KeyPair meterKey, int meterStart, int meterStop)
            throws Exception {
        return signedSession(chargeBoxId, meterKey, meterStart, meterStop, meterStop);
    }

    /** A session whose begin value comes in MeterValues and whose end value in StopTransaction's transactionData. */
    private long signedSession(String chargeBoxId, KeyPair meterKey, int meterStart, int meterStop,
            int signedStop) throws Exception {
        try (OcaWallbox wallbox = new OcaWallbox(chargeBoxId).connect(baseUrl())) {
            assertEquals(RegistrationStatus.Accepted,
                    ((BootNotificationConfirmation) wallbox.send(new BootNotificationRequest("KEBA", "KC-P30")))
                            .getStatus());
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
            StartTransactionConfirmation started = wallbox.send(
                    new StartTransactionRequest(1, "RFID-" + chargeBoxId, meterStart, ZonedDateTime.now()));
            int transactionId = started.getTransactionId();

            MeterValuesRequest begin = new MeterValuesRequest(1);
            begin.setTransactionId(transactionId);
            begin.setMeterValue(new MeterValue[] {new MeterValue(ZonedDateTime.now(), new SampledValue[] {
                    signed(ocmf(meterKey, chargeBoxId, "B", meterStart), "Transaction.Begin")})});
            wallbox.send(begin);

            StopTransactionRequest stop = new StopTransactionRequest(meterStop, ZonedDateTime.now(), transactionId);
            stop.setReason(Reason.EVDisconnected);
            stop.setTransactionData(new MeterValue[] {new MeterValue(ZonedDateTime.now(), new SampledValue[] {
                    signed(ocmf(meterKey, chargeBoxId, "E", signedStop), "Transaction.End")})});
            wallbox.send(stop);
            return transactionId;
        }
    }

    private static SampledValue signed(String data, String context) {
        SampledValue value = new SampledValue(data);
        value.setFormat(ValueFormat.SignedData);
        value.setContext(context);
        value.setMeasurand("Energy.Active.Import.Register");
        value.setUnit("Wh");
        return value;
    }

    /** An OCMF 1.0 record with one reading, signed like a meter would (ECDSA secp256r1, SHA-256, DER in hex). */
    private static String ocmf(KeyPair key, String meterSerial, String type, int wattHours) throws Exception {
        String payload = "{\"FV\":\"1.0\",\"GI\":\"E2E meter\",\"GS\":\"" + meterSerial + "\",\"GV\":\"1.0\","
                + "\"PG\":\"T" + (type.equals("B") ? 1 : 2) + "\",\"MV\":\"E2E\",\"MM\":\"M1\",\"MS\":\"" + meterSerial
                + "\",\"IS\":false,\"IL\":\"NONE\",\"IF\":[],\"IT\":\"NONE\",\"ID\":\"\","
                + "\"RD\":[{\"TM\":\"2026-11-22T12:00:00,000+0000 S\",\"TX\":\"" + type + "\",\"RV\":"
                + String.format(Locale.ROOT, "%.3f", wattHours / 1000.0)
                + ",\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\",\"RT\":\"AC\",\"EF\":\"\",\"ST\":\"G\"}]}";
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key.getPrivate());
        signature.update(payload.getBytes(StandardCharsets.UTF_8));
        return "OCMF|" + payload + "|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\""
                + HexFormat.of().withUpperCase().formatHex(signature.sign()) + "\"}";
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

}
