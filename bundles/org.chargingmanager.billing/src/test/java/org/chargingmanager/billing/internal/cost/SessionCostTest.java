package org.chargingmanager.billing.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.billing.internal.db.Backend;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.chargingmanager.billing.internal.sessions.EvseSessionRecorderAccess;
import org.chargingmanager.billing.internal.web.TransactionCsvWriter;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cost of a session over a simulated evening, on H2 and a real PostgreSQL: a wallbox's
 * energy register read by the cost recorder, the session opened and closed by the session
 * recorder, time moved by the test. The price drops from 0.30 to 0.12 EUR/kWh at 22:00.
 */
class SessionCostTest {

    private static final Instant NINE_THIRTY = Instant.parse("2026-01-20T21:30:00Z");
    private static final Instant TEN = Instant.parse("2026-01-20T22:00:00Z");
    private static final PriceSlot EXPENSIVE = PriceSlot.importOnly(Instant.parse("2026-01-20T20:00:00Z"), TEN, 0.30);
    private static final PriceSlot CHEAP = PriceSlot.importOnly(TEN, Instant.parse("2026-01-21T00:00:00Z"), 0.12);

    private final MutableClock clock = new MutableClock(NINE_THIRTY);
    private final FakeEvse garage = new FakeEvse(FakeEvse.info("garage-1", "modbus", 3, null), clock);
    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    private record Site(JdbcTransactionLog log, SessionCostRecorder costs, Runnable sessions) {
        void poll() {
            costs.poll();
            sessions.run();
        }
    }

    private Site site(Backend backend, PriceSlot... slots) throws Exception {
        Database database = backend.open(backend.newDatabaseUrl());
        databases.add(database);
        JdbcTransactionLog log = new JdbcTransactionLog(database, clock);
        if (slots.length > 0) {
            log.setTariff(tariff(new PriceForecast("EUR", List.of(slots), NINE_THIRTY, "")));
        }
        SessionCostRecorder costs = new SessionCostRecorder(log, clock, Duration.ofSeconds(60), null);
        costs.addEvse(garage);
        Runnable sessions = EvseSessionRecorderAccess.recorder(log,
                (tag, evse) -> new Authorization(AuthorizationStatus.ACCEPTED, null, null, null), clock, Set.of(),
                garage);
        return new Site(log, costs, sessions);
    }

    private static Tariff tariff(PriceForecast forecast) {
        return new Tariff() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public PriceForecast forecast() {
                return forecast;
            }
        };
    }

    /**
     * Plugs the car in at 21:30 with the register at 1000 Wh, lets it draw {@code watts} until
     * {@code fullAt} (polled every 7 s, so the boundary falls inside a reading interval), then
     * unplugs it at 22:30.
     */
    private Transaction chargeAnEvening(Site site, double watts, Instant fullAt) throws Exception {
        garage.energyWattHours(1_000).state(EvseState.PREPARING);
        site.poll();
        Instant unplug = NINE_THIRTY.plus(Duration.ofHours(1));
        for (Instant at = NINE_THIRTY.plusSeconds(7); at.isBefore(unplug); at = at.plusSeconds(7)) {
            clock.set(at);
            Instant drawnUntil = at.isBefore(fullAt) ? at : fullAt;
            garage.state(at.isBefore(fullAt) ? EvseState.CHARGING : EvseState.SUSPENDED_EV)
                    .energyWattHours(1_000 + Math.floor(watts * Duration.between(NINE_THIRTY, drawnUntil).toSeconds()
                            / 3600));
            site.poll();
        }
        clock.set(unplug);
        garage.energyWattHours(1_000 + Math.floor(watts * Duration.between(NINE_THIRTY,
                unplug.isBefore(fullAt) ? unplug : fullAt).toSeconds() / 3600));
        site.poll();
        garage.state(EvseState.AVAILABLE);
        site.poll();
        List<Transaction> all = new ArrayList<>();
        site.log().stream(TransactionQuery.ALL, all::add);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).open()).isFalse();
        return all.get(0);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionAcrossTheDropAtTenIsSplitBetweenBothPrices(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE, CHEAP);
        Transaction session = chargeAnEvening(site, 11_000, NINE_THIRTY.plus(Duration.ofHours(2)));

        assertThat(session.energyWattHours()).isEqualTo(11_000);
        TransactionCost cost = session.cost();
        assertThat(cost.currency()).isEqualTo("EUR");
        assertThat(cost.unpricedEnergyWattHours()).isZero();
        assertThat(cost.slots()).extracting(PricedEnergy::start).containsExactly(EXPENSIVE.start(), CHEAP.start());
        assertThat(cost.slots()).extracting(PricedEnergy::pricePerKilowattHour).containsExactly(0.30, 0.12);
        assertThat(cost.slots().get(0).energyWattHours()).isCloseTo(5_500, within(3.0));
        assertThat(cost.slots().get(1).energyWattHours()).isCloseTo(5_500, within(3.0));
        assertThat(cost.slots().stream().mapToDouble(PricedEnergy::energyWattHours).sum()).isCloseTo(11_000,
                within(1e-6));
        // 5.5 kWh x 0.30 + 5.5 kWh x 0.12, not 11 kWh at the price of the end (1.32) or of the start (3.30)
        assertThat(cost.cost()).isEqualByComparingTo("2.31");

        StringWriter csv = new StringWriter();
        TransactionCsvWriter writer = new TransactionCsvWriter(csv, TransactionCsvWriter.Style.COMMA, Map.of());
        writer.writeHeader();
        writer.accept(session);
        assertThat(csv.toString()).endsWith(",11000,11.000,EVDisconnected,NONE,0,2.31,EUR\r\n");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theEnergyIsPricedWhenItWasDrawnNotWhenTheSessionEnds(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE, CHEAP);
        // 12 kW for a quarter of an hour: 3 kWh before 22:00; plugged in until 22:30
        Transaction session = chargeAnEvening(site, 12_000, NINE_THIRTY.plus(Duration.ofMinutes(15)));

        assertThat(session.energyWattHours()).isEqualTo(3_000);
        assertThat(session.cost().slots()).hasSize(1);
        assertThat(session.cost().slots().get(0).pricePerKilowattHour()).isEqualTo(0.30);
        assertThat(session.cost().cost()).isEqualByComparingTo("0.90");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutATariffTheCostIsEmptyNeverAWrongNumber(Backend backend) throws Exception {
        Site site = site(backend);
        Transaction session = chargeAnEvening(site, 11_000, NINE_THIRTY.plus(Duration.ofHours(2)));

        assertThat(session.cost().cost()).isNull();
        assertThat(session.cost().currency()).isNull();
        assertThat(session.cost().slots()).isEmpty();
        assertThat(session.cost().unpricedEnergyWattHours()).isCloseTo(11_000, within(1e-6));
        StringWriter csv = new StringWriter();
        new TransactionCsvWriter(csv, TransactionCsvWriter.Style.COMMA, Map.of()).accept(session);
        assertThat(csv.toString()).endsWith(",NONE,0,,\r\n");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void energyBeyondTheKnownPricesLeavesTheCostEmpty(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE); // the forecast ends at 22:00
        Transaction session = chargeAnEvening(site, 11_000, NINE_THIRTY.plus(Duration.ofHours(2)));

        assertThat(session.cost().cost()).isNull();
        assertThat(session.cost().currency()).isEqualTo("EUR");
        assertThat(session.cost().slots()).hasSize(1);
        assertThat(session.cost().unpricedEnergyWattHours()).isCloseTo(5_500, within(3.0));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRestartOfTheRecorderMidSessionIsBridgedWithTheStoredRegister(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE, CHEAP);
        garage.energyWattHours(1_000).state(EvseState.PREPARING);
        site.poll();
        // 11 kW from 21:30; the recorder polls until 21:50, is down from 21:50 to 22:20 (the price drops
        // meanwhile), a new one takes over at 22:20; unplugged at 22:30
        for (int second = 10; second <= 20 * 60; second += 10) {
            clock.set(NINE_THIRTY.plusSeconds(second));
            garage.state(EvseState.CHARGING).energyWattHours(1_000 + 11_000.0 * second / 3600);
            site.poll();
        }
        SessionCostRecorder restarted = new SessionCostRecorder(site.log(), clock, Duration.ofSeconds(60), null);
        restarted.addEvse(garage);
        Site after = new Site(site.log(), restarted, site.sessions());
        for (int second = 50 * 60; second <= 60 * 60; second += 10) {
            clock.set(NINE_THIRTY.plusSeconds(second));
            garage.energyWattHours(1_000 + 11_000.0 * second / 3600);
            after.poll();
        }
        garage.state(EvseState.AVAILABLE);
        after.poll();
        Transaction session = site.log().find(1).orElseThrow();

        assertThat(session.energyWattHours()).isEqualTo(11_000);
        // the 5.5 kWh of the gap are shared by time: 10 min before 22:00, 20 min after
        assertThat(session.cost().slots().get(0).energyWattHours()).isCloseTo(5_500, within(3.0));
        assertThat(session.cost().slots().get(1).energyWattHours()).isCloseTo(5_500, within(3.0));
        assertThat(session.cost().cost()).isEqualByComparingTo("2.31");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void energyOfATimeNobodyReadTheRegisterHasNoPrice(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE, CHEAP);
        JdbcTransactionLog log = site.log();
        Transaction started = log.start(new TransactionStart("ocpp-1", "CB1", 1, null, "TAG",
                OffsetDateTime.ofInstant(NINE_THIRTY, ZoneOffset.UTC), 0));
        // the first reading comes at 22:10 with 7 kWh already drawn: when, nobody knows
        log.recordEnergy("ocpp-1", TEN.plusSeconds(600), TEN.plusSeconds(600), 0, 7_000);
        log.recordEnergy("ocpp-1", TEN.plusSeconds(600), TEN.plusSeconds(1200), 1_000, 8_000);
        Transaction stopped = log.stop(started.id(), new TransactionStop(
                OffsetDateTime.ofInstant(TEN.plusSeconds(1200), ZoneOffset.UTC), 8_000, "Local"));

        assertThat(stopped.cost().cost()).isNull();
        assertThat(stopped.cost().unpricedEnergyWattHours()).isCloseTo(7_000, within(1e-6));
        assertThat(stopped.cost().slots()).hasSize(1);
        assertThat(stopped.cost().slots().get(0).energyWattHours()).isCloseTo(1_000, within(1e-6));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stopValuesThatDisagreeWithTheReadingsAreFittedOrRefused(Backend backend) throws Exception {
        Site site = site(backend, EXPENSIVE, CHEAP);
        JdbcTransactionLog log = site.log();
        OffsetDateTime nineThirty = OffsetDateTime.ofInstant(NINE_THIRTY, ZoneOffset.ofHours(1));

        // an OCPP wallbox: readings of the register say 5000 Wh by 21:50, the stop value 4990 Wh
        Transaction close = log.start(new TransactionStart("ocpp-1", "CB1", 1, null, "TAG", nineThirty, 0));
        assertThat(log.recordEnergy("ocpp-1", NINE_THIRTY.minusSeconds(60), NINE_THIRTY.plusSeconds(20 * 60),
                5_000 * 21.0 / 20, 0)).isTrue(); // the interval began a minute before the session: left out
        Transaction stopped = log.stop(close.id(), new TransactionStop(nineThirty.plusMinutes(20), 4_990, "Local"));
        assertThat(stopped.cost().slots().get(0).energyWattHours()).isCloseTo(4_990, within(1e-6));
        assertThat(stopped.cost().cost()).isEqualByComparingTo("1.50"); // 4.99 kWh x 0.30 = 1.497

        // readings a quarter above the stop value: no cost rather than a wrong one
        Transaction far = log.start(new TransactionStart("ocpp-1", "CB1", 1, null, "TAG", nineThirty.plusMinutes(30),
                10_000));
        log.recordEnergy("ocpp-1", TEN, TEN.plusSeconds(600), 5_000, 15_000);
        Transaction refused = log.stop(far.id(), new TransactionStop(nineThirty.plusMinutes(45), 14_000, "Local"));
        assertThat(refused.cost().cost()).isNull();

        assertThat(log.recordEnergy("nowhere", TEN, TEN.plusSeconds(60), 100, 100)).isFalse();
        assertThat(log.find(close.id()).orElseThrow().cost()).isEqualTo(stopped.cost());
        assertThat(stopped.cost().cost()).isEqualTo(new BigDecimal("1.50"));
    }
}
