package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;

import org.chargingmanager.api.SignedMeterValue;
import org.chargingmanager.api.Transaction;
import org.chargingmanager.api.TransactionLog;
import org.chargingmanager.api.TrustedKeys;
import org.chargingmanager.api.User;
import org.chargingmanager.api.UserDirectory;
import org.chargingmanager.api.Variables;
import org.chargingmanager.api.VerificationStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
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
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * End to end in the standalone runtime's bundles: a wallbox built from the third-party
 * Java-OCA-OCPP 1.6 client connects to the OCPP server over a real WebSocket on a free
 * loopback port, a user from the {@link UserDirectory} authorizes with RFID, the load manager's
 * limit reaches the wallbox as SetChargingProfile and follows AVAIL, and the session lands in
 * the {@link TransactionLog}; signed (OCMF) begin/end values are checked against the EVSE's
 * trusted key.
 *
 * <p>The OCA client is not an OSGi bundle: it is loaded from the test's class path through
 * boot delegation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OcppEndToEndIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private UserDirectory users;

    @Inject
    private Variables variables;

    @Inject
    private TransactionLog transactionLog;

    @Inject
    private TrustedKeys trustedKeys;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(
                StandaloneRuntime.options(StandaloneRuntime.testDirectory("ocpp-e2e"), StandaloneRuntime.freePort(),
                        name -> true),
                frameworkProperty("org.osgi.framework.bundle.parent").value("framework"),
                frameworkProperty("org.osgi.framework.bootdelegation")
                        .value("eu.chargetime.*,org.java_websocket.*,javax.xml.bind,javax.xml.bind.*"));
    }

    private String baseUrl() {
        return "ws://127.0.0.1:" + context.getProperty("chargingmanager.ocpp.port") + "/ocpp";
    }

    /**
     * TC_001 (cold boot), TC_003/TC_004 (regular charging session, identification first),
     * TC_023 (Authorize: Invalid), TC_056/TC_057 (central smart charging: TxDefaultProfile /
     * TxProfile): the whole session of issue 4's "Done when".
     */
    @Test
    public void tc001Tc004Tc023Tc056RfidSessionUnderLoadManagement() throws Exception {
        setUpSite();
        users.save(new User("alice", "Alice", List.of("RFID-ALICE"), List.of(), Set.of(), 0, null, false));
        variables.set("AVAIL", "100");

        try (OcaWallbox wallbox = new OcaWallbox("E2E-CP").connect(baseUrl())) {
            BootNotificationConfirmation boot = wallbox.send(new BootNotificationRequest("E2E", "Threephase-22"));
            assertEquals(RegistrationStatus.Accepted, boot.getStatus());
            wallbox.send(new StatusNotificationRequest(0, ChargePointErrorCode.NoError, ChargePointStatus.Available));
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));

            AuthorizeConfirmation unknown = wallbox.send(new AuthorizeRequest("RFID-NOBODY"));
            assertEquals(AuthorizationStatus.Invalid, unknown.getIdTagInfo().getStatus());
            AuthorizeConfirmation alice = wallbox.send(new AuthorizeRequest("RFID-ALICE"));
            assertEquals(AuthorizationStatus.Accepted, alice.getIdTagInfo().getStatus());

            StartTransactionConfirmation started = wallbox.send(
                    new StartTransactionRequest(1, "RFID-ALICE", 1_000, ZonedDateTime.now()));
            assertEquals(AuthorizationStatus.Accepted, started.getIdTagInfo().getStatus());
            int transactionId = started.getTransactionId();
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Charging));
            wallbox.send(meterValues(1, transactionId, 1_000, 16));

            double fullLimit = awaitPositiveProfile(wallbox, Duration.ofSeconds(15));
            System.out.printf(Locale.ROOT, "E2E: limit at AVAIL 100: %.1f%n", fullLimit);

            long setAt = System.nanoTime();
            variables.set("AVAIL", "30");
            double lowerLimit = Double.NaN;
            while (System.nanoTime() - setAt < Duration.ofSeconds(2).toNanos()) {
                SetChargingProfileRequest profile = wallbox.nextProfile(50);
                if (profile != null && OcaWallbox.limit(profile) < fullLimit) {
                    lowerLimit = OcaWallbox.limit(profile);
                    break;
                }
            }
            long millis = (System.nanoTime() - setAt) / 1_000_000;
            assertTrue("a lower SetChargingProfile within 2 s after AVAIL 100 -> 30 (had " + fullLimit + ")",
                    !Double.isNaN(lowerLimit));
            System.out.printf(Locale.ROOT, "E2E: limit at AVAIL 30: %.1f after %d ms%n", lowerLimit, millis);

            wallbox.send(meterValues(1, transactionId, 4_500, (int) lowerLimit));
            StopTransactionRequest stop = new StopTransactionRequest(7_250, ZonedDateTime.now(), transactionId);
            stop.setIdTag("RFID-ALICE");
            stop.setReason(Reason.Local);
            wallbox.send(stop);
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Finishing));

            Transaction transaction = transactionLog.find(transactionId).orElseThrow();
            assertEquals("ocpp-E2E-CP-1", transaction.evseId());
            assertEquals("alice", transaction.userId());
            assertEquals("RFID-ALICE", transaction.idTag());
            assertNotNull(transaction.start());
            assertNotNull(transaction.end());
            assertEquals(1_000, transaction.meterStartWattHours());
            assertEquals(Long.valueOf(7_250), transaction.meterStopWattHours());
            assertEquals(6_250, transaction.energyWattHours());
            assertEquals(VerificationStatus.NONE, transaction.signatureStatus());
        }
    }

    /** Issue 5: signed begin/end values over OCPP verify with the EVSE's stored key: green. */
    @Test
    public void signedBeginAndEndValuesVerifyWithTheTrustedKey() throws Exception {
        KeyPair meterKey = keyPair();
        trustedKeys.enter("ocpp-EICH-OK-1", HexFormat.of().formatHex(meterKey.getPublic().getEncoded()), "test");
        Transaction transaction = signedSession("EICH-OK", meterKey, 12_340, 19_870);

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
        Transaction transaction = signedSession("EICH-BAD", meterKey, 500, 2_500);

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
        Transaction transaction = signedSession("EICH-DIFF", meterKey, 1_000, 3_000, 3_500);

        assertEquals(VerificationStatus.FAILED, transaction.signatureStatus());
        SignedMeterValue end = transaction.signedMeterValues().get(1);
        assertEquals(VerificationStatus.FAILED, end.status());
        assertTrue(end.reason(), end.reason().contains("meter stop"));
        assertEquals(VerificationStatus.VERIFIED, transaction.signedMeterValues().get(0).status());
    }

    private Transaction signedSession(String chargeBoxId, KeyPair meterKey, int meterStart, int meterStop)
            throws Exception {
        return signedSession(chargeBoxId, meterKey, meterStart, meterStop, meterStop);
    }

    /** A session whose begin value comes in MeterValues and whose end value in StopTransaction's transactionData. */
    private Transaction signedSession(String chargeBoxId, KeyPair meterKey, int meterStart, int meterStop,
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
            return transactionLog.find(transactionId).orElseThrow();
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

    private static MeterValuesRequest meterValues(int connectorId, int transactionId, int energyWattHours, int amps) {
        List<SampledValue> sampled = new ArrayList<>();
        SampledValue energy = new SampledValue(Integer.toString(energyWattHours));
        energy.setMeasurand("Energy.Active.Import.Register");
        energy.setUnit("Wh");
        energy.setContext("Sample.Periodic");
        sampled.add(energy);
        for (String phase : Arrays.asList("L1", "L2", "L3")) {
            SampledValue current = new SampledValue(Integer.toString(amps));
            current.setMeasurand("Current.Import");
            current.setPhase(phase);
            current.setUnit("A");
            current.setContext("Sample.Periodic");
            sampled.add(current);
        }
        SampledValue power = new SampledValue(Integer.toString(amps * 230 * 3));
        power.setMeasurand("Power.Active.Import");
        power.setUnit("W");
        power.setContext("Sample.Periodic");
        sampled.add(power);
        MeterValuesRequest request = new MeterValuesRequest(connectorId);
        request.setTransactionId(transactionId);
        request.setMeterValue(new MeterValue[] {new MeterValue(ZonedDateTime.now(), sampled.toArray(new SampledValue[0]))});
        return request;
    }

    /** The house connection follows AVAIL; a simulated grid meter with base load keeps the load manager out of fallback. */
    private void setUpSite() throws Exception {
        org.osgi.service.cm.Configuration meter = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.meter", "e2e-grid", "?");
        Hashtable<String, Object> meterProperties = new Hashtable<>();
        meterProperties.put("id", "e2e-grid");
        meterProperties.put("name", "E2E grid meter");
        meterProperties.put("role", "GRID");
        meterProperties.put("baseLoadL1Watts", 600.0);
        meterProperties.put("baseLoadL2Watts", 400.0);
        meterProperties.put("baseLoadL3Watts", 300.0);
        meter.update(meterProperties);

        org.osgi.service.cm.Configuration loadManager = configurationAdmin
                .getConfiguration("org.chargingmanager.core.loadmanager", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("houseConnectionCurrentAmps", "63");
        properties.put("houseConnectionPowerWatts", "22000 * AVAIL / 100");
        properties.put("gridMeterId", "e2e-grid");
        loadManager.update(properties);
        Await.until("the grid meter e2e-grid", Duration.ofSeconds(10),
                () -> Services.meter(context, "e2e-grid") != null);
    }

    private static double awaitPositiveProfile(OcaWallbox wallbox, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            SetChargingProfileRequest profile = wallbox.nextProfile(100);
            if (profile != null) {
                last = OcaWallbox.limit(profile);
                if (last > 0) {
                    // let the load manager settle on this limit: take the latest one that arrived meanwhile
                    SetChargingProfileRequest later;
                    while ((later = wallbox.nextProfile(1_500)) != null) {
                        last = OcaWallbox.limit(later);
                    }
                    return last;
                }
            }
        }
        throw new AssertionError("no SetChargingProfile with a positive limit within " + timeout + " (last " + last + ")");
    }
}
