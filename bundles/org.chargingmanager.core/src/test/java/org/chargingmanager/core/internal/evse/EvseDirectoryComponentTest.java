package org.chargingmanager.core.internal.evse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.Test;

class EvseDirectoryComponentTest {

    private final EvseDirectoryComponent directory = new EvseDirectoryComponent();

    private static FakeEvse evse(String id) {
        return new FakeEvse(FakeEvse.info(id, "modbus", 3, null), Clock.systemUTC());
    }

    private static Map<String, Object> properties(String id, String driver) {
        return driver == null ? Map.of(Evse.ID_PROPERTY, id) : Map.of(Evse.ID_PROPERTY, id, Evse.DRIVER_PROPERTY, driver);
    }

    /** Records what a subscriber is told, as "+id driver" and "-id". */
    private static final class Recorder implements EvseDirectory.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void added(Evse evse, String driver) {
            events.add("+" + evse.info().id() + " " + driver);
        }

        @Override
        public void removed(Evse evse) {
            events.add("-" + evse.info().id());
        }
    }

    @Test
    void aSubscriberIsToldOfTheChargingPointsThereAreAndThenOfEachChange() {
        FakeEvse garage = evse("garage-1");
        FakeEvse ocpp = evse("ocpp-CP1-1");
        directory.addEvse(garage, properties("garage-1", "modbus"));
        Recorder recorder = new Recorder();

        EvseDirectory.Subscription subscription = directory.subscribe(recorder);
        assertThat(recorder.events).containsExactly("+garage-1 modbus");

        directory.addEvse(ocpp, properties("ocpp-CP1-1", "ocpp"));
        directory.removeEvse(garage, properties("garage-1", "modbus"));
        assertThat(recorder.events).containsExactly("+garage-1 modbus", "+ocpp-CP1-1 ocpp", "-garage-1");
        assertThat(directory.evses()).containsExactly(ocpp);

        subscription.close();
        subscription.close();
        directory.addEvse(garage, properties("garage-1", "modbus"));
        assertThat(recorder.events).hasSize(3);
        assertThat(directory.evses()).containsExactlyInAnyOrder(garage, ocpp);
    }

    @Test
    void findsAChargingPointByItsIdAndForgetsItWhenItGoes() {
        FakeEvse garage = evse("garage-1");
        directory.addEvse(garage, properties("garage-1", null));

        assertThat(directory.find("garage-1")).containsSame(garage);
        assertThat(directory.find("garage-2")).isEmpty();
        assertThat(directory.find(null)).isEmpty();

        directory.removeEvse(garage, properties("garage-1", null));
        assertThat(directory.find("garage-1")).isEmpty();
        assertThat(directory.evses()).isEmpty();
    }

    @Test
    void aServiceWithoutPropertiesIsFoundByTheIdItTellsAndHasNoDriver() {
        FakeEvse garage = evse("garage-1");
        Recorder recorder = new Recorder();
        directory.subscribe(recorder);

        directory.addEvse(garage, Map.of());

        assertThat(directory.find("garage-1")).containsSame(garage);
        assertThat(recorder.events).containsExactly("+garage-1 ");
    }

    @Test
    void theSameServiceTwiceIsOneChargingPointAndAnUnknownOneGoingAwayTellsNobody() {
        FakeEvse garage = evse("garage-1");
        Recorder recorder = new Recorder();
        directory.subscribe(recorder);

        directory.addEvse(garage, properties("garage-1", "modbus"));
        directory.addEvse(garage, properties("garage-1", "modbus"));
        directory.removeEvse(evse("elsewhere"), properties("elsewhere", "modbus"));

        assertThat(recorder.events).containsExactly("+garage-1 modbus");
        assertThat(directory.evses()).hasSize(1);
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheOthersFromHearing() {
        Recorder recorder = new Recorder();
        directory.subscribe(EvseDirectory.Listener.of(evse -> {
            throw new IllegalStateException("broken subscriber");
        }, evse -> {
            throw new IllegalStateException("broken subscriber");
        }));
        directory.subscribe(recorder);
        FakeEvse garage = evse("garage-1");

        directory.addEvse(garage, properties("garage-1", "modbus"));
        directory.removeEvse(garage, properties("garage-1", "modbus"));

        assertThat(recorder.events).containsExactly("+garage-1 modbus", "-garage-1");
        assertThat(directory.evses()).isEmpty();
    }

    @Test
    void theViewIsLiveAndCannotBeChangedFromOutside() {
        var view = directory.evses();
        FakeEvse garage = evse("garage-1");
        directory.addEvse(garage, properties("garage-1", "modbus"));

        assertThat(view).containsExactly(garage);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.remove(garage))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
