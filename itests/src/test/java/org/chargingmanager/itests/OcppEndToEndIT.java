package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.variables.Variables;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * End to end in the standalone runtime's bundles: a wallbox built from the third-party
 * Java-OCA-OCPP 1.6 client connects to the OCPP server over a real WebSocket on a free
 * loopback port, a user from the {@link UserDirectory} authorizes with RFID, the load manager's
 * limit reaches the wallbox as SetChargingProfile and follows AVAIL, and the session lands in
 * the {@link TransactionLog}. Signed meter values: {@link OcppSignedMeterValuesIT}.
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
    @Filter(Services.REAL_TRANSACTION_LOG)
    private TransactionLog transactionLog;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.withOcaClient(StandaloneRuntime.options(StandaloneRuntime.testDirectory("ocpp-e2e"),
                StandaloneRuntime.freePort(), name -> true));
    }

    private String baseUrl() {
        return StandaloneRuntime.ocppBaseUrl(context);
    }

    /**
     * TC_001 (cold boot), TC_003/TC_004 (regular charging session, identification first),
     * TC_023 (Authorize: Invalid), TC_056/TC_057 (central smart charging: TxDefaultProfile /
     * TxProfile): the whole session of issue 4's "Done when".
     */
    @Test
    public void tc001Tc004Tc023Tc056RfidSessionUnderLoadManagement() throws Exception {
        users.save(new User("alice", "Alice", List.of("RFID-ALICE"), List.of(), Set.of(), 0, null, false));
        variables.set("AVAIL", "100");

        try (OcaWallbox wallbox = new OcaWallbox("E2E-CP")) {
            setUpSite(wallbox);
            wallbox.connect(baseUrl());
            BootNotificationConfirmation boot = wallbox.send(new BootNotificationRequest("E2E", "Threephase-22"));
            assertEquals(RegistrationStatus.Accepted, boot.getStatus());
            // TC_056: before the load manager allocates, the first profile is the station-wide "no charging" default
            SetChargingProfileRequest first = wallbox.nextProfile(10_000);
            assertNotNull("a SetChargingProfile after the boot", first);
            assertEquals(0, first.getConnectorId().intValue());
            assertEquals(ChargingProfilePurposeType.TxDefaultProfile, first.getCsChargingProfiles().getChargingProfilePurpose());
            assertEquals(0.0, OcaWallbox.limit(first), 0.0);
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
            wallbox.startMetering(transactionId, 1_000);

            SetChargingProfileRequest full;
            try {
                full = awaitPositiveProfile(wallbox, Duration.ofSeconds(15));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; EVSE " + Services.evse(context, "ocpp-E2E-CP-1").snapshot()
                        + " info " + Services.evse(context, "ocpp-E2E-CP-1").info() + " grid "
                        + Services.meter(context, "e2e-grid").reading(), e);
            }
            double fullLimit = OcaWallbox.limit(full);
            System.out.printf(Locale.ROOT, "E2E: limit at AVAIL 100: %.1f%n", fullLimit);
            // TC_057: during the transaction the load manager's limit is a TxProfile of this transaction,
            // and it is exactly the limit the load manager allocated (rounded down to 0.1 A)
            assertEquals(ChargingProfilePurposeType.TxProfile, full.getCsChargingProfiles().getChargingProfilePurpose());
            assertEquals(Integer.valueOf(transactionId), full.getCsChargingProfiles().getTransactionId());
            int allocated = Services.evse(context, "ocpp-E2E-CP-1").snapshot().appliedLimit().currentMilliamps();
            assertEquals((allocated / 100) / 10.0, fullLimit, 0.0);
            // 22 kW house connection at AVAIL 100 is 31.9 A per phase; the base load takes up to 2.6 A of it
            assertTrue("the limit at AVAIL 100 is about 30 A: " + fullLimit, fullLimit >= 28.0 && fullLimit <= 32.0);

            long setAt = System.nanoTime();
            variables.set("AVAIL", "30");
            double lowerLimit = Double.NaN;
            while (System.nanoTime() - setAt < Duration.ofSeconds(2).toNanos()) {
                SetChargingProfileRequest profile = wallbox.nextProfile(50);
                if (profile != null && profile.getConnectorId() == 1 && OcaWallbox.limit(profile) < fullLimit) {
                    lowerLimit = OcaWallbox.limit(profile);
                    break;
                }
            }
            long millis = (System.nanoTime() - setAt) / 1_000_000;
            assertTrue("a lower SetChargingProfile within 2 s after AVAIL 100 -> 30 (had " + fullLimit + ")",
                    !Double.isNaN(lowerLimit));
            System.out.printf(Locale.ROOT, "E2E: limit at AVAIL 30: %.1f after %d ms%n", lowerLimit, millis);

            Thread.sleep(1_500);
            int meterStop = wallbox.stopMetering();
            assertTrue("energy charged: " + meterStop, meterStop > 1_000);
            StopTransactionRequest stop = new StopTransactionRequest(meterStop, ZonedDateTime.now(), transactionId);
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
            assertEquals(Long.valueOf(meterStop), transaction.meterStopWattHours());
            assertEquals(meterStop - 1_000, transaction.energyWattHours());
            assertTrue(transaction.energyWattHours() > 0);
            assertEquals(VerificationStatus.NONE, transaction.signatureStatus());
        }
    }

    /**
     * The house connection follows AVAIL. The grid meter is a {@link Meter} service registered by
     * the test: like a real meter at the house connection it measures a base load (600/400/300 W)
     * plus whatever the wallbox draws, so the load manager is not in fallback.
     */
    private void setUpSite(OcaWallbox wallbox) throws Exception {
        Hashtable<String, Object> meterProperties = new Hashtable<>();
        meterProperties.put(Meter.ID_PROPERTY, "e2e-grid");
        meterProperties.put(Meter.ROLE_PROPERTY, MeterRole.GRID.name());
        MeterInfo info = new MeterInfo("e2e-grid", "E2E grid meter", "test", MeterRole.GRID);
        context.registerService(Meter.class, new Meter() {
            @Override
            public MeterInfo info() {
                return info;
            }

            @Override
            public MeterReading reading() {
                double amps = wallbox.drawnAmps();
                PhasePowers powers = new PhasePowers(600 + amps * 230, 400 + amps * 230, 300 + amps * 230);
                PhaseCurrents currents = new PhaseCurrents((int) Math.round(powers.l1Watts() / 230 * 1000),
                        (int) Math.round(powers.l2Watts() / 230 * 1000), (int) Math.round(powers.l3Watts() / 230 * 1000));
                return new MeterReading(Instant.now(), powers.l1Watts() + powers.l2Watts() + powers.l3Watts(), powers,
                        currents, PhaseVoltages.NOMINAL, 0, 0);
            }
        }, meterProperties);

        org.osgi.service.cm.Configuration loadManager = configurationAdmin
                .getConfiguration("org.chargingmanager.core.loadmanager", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("houseConnectionCurrentAmps", "63");
        properties.put("houseConnectionPowerWatts", "22000 * AVAIL / 100");
        properties.put("gridMeterId", "e2e-grid");
        loadManager.update(properties);
    }

    /** The latest profile for connector 1 once the load manager has settled on a positive limit. */
    private static SetChargingProfileRequest awaitPositiveProfile(OcaWallbox wallbox, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            SetChargingProfileRequest profile = wallbox.nextProfile(100);
            if (profile != null && profile.getConnectorId() == 1) {
                last = OcaWallbox.limit(profile);
                if (last > 0) {
                    // let the load manager settle on this limit: take the latest one that arrived meanwhile
                    SetChargingProfileRequest latest = profile;
                    SetChargingProfileRequest later;
                    while ((later = wallbox.nextProfile(1_500)) != null) {
                        if (later.getConnectorId() == 1) {
                            latest = later;
                        }
                    }
                    return latest;
                }
            }
        }
        throw new AssertionError("no SetChargingProfile with a positive limit within " + timeout + " (last " + last + ")");
    }
}
