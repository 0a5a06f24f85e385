package org.chargingmanager.core.internal.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableStoreTest {

    @TempDir
    Path directory;

    private final LiveValues live = new LiveValues();
    private VariableStore store;
    private final List<Set<String>> notifications = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        store = new VariableStore(live, directory.resolve("variables.txt"));
        store.addListener(notifications::add);
    }

    private static Meter gridMeter(double powerWatts, Instant timestamp) {
        return new Meter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("grid", "Grid", "test", MeterRole.GRID);
            }

            @Override
            public MeterReading reading() {
                return new MeterReading(timestamp, powerWatts, null, null, null, 0, 0);
            }
        };
    }

    @Test
    void firstStartCreatesAvailAndTarif() {
        assertThat(store.list()).extracting(Variable::name, Variable::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AVAIL", 100.0),
                        org.assertj.core.groups.Tuple.tuple("TARIF", 0.0));
    }

    @Test
    void formulaOverVariablesIsComputedAndNamesAreCaseInsensitive() throws Exception {
        store.set("HOUSE", "55000 * AVAIL / 100");
        store.set("avail", "20");
        assertThat(store.get("house").orElseThrow().value()).isEqualTo(11000);
        assertThat(store.get("AVAIL").orElseThrow().name()).isEqualTo("avail");
        assertThat(store.evaluate("HOUSE / 2")).isEqualTo(5500);
        assertThat(notifications).contains(Set.of("avail"));
    }

    @Test
    void rejectsUnknownNamesCyclesBadNamesAndBadSyntaxAndChangesNothing() throws Exception {
        store.set("A", "1");
        store.set("B", "A + 1");
        List<Variable> before = store.list();

        assertThatThrownBy(() -> store.set("C", "NOPE * 2")).hasMessageContaining("unknown variable 'NOPE'");
        assertThatThrownBy(() -> store.set("A", "B + 1")).hasMessageContaining("cycle").hasMessageContaining("A -> B -> A");
        assertThatThrownBy(() -> store.set("A", "A")).hasMessageContaining("cycle");
        assertThatThrownBy(() -> store.set("1X", "1")).hasMessageContaining("bad variable name");
        assertThatThrownBy(() -> store.set("min", "1")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.set("D", "2 *")).hasMessageContaining("variable D");
        assertThatThrownBy(() -> store.set("D", "grid.power")).hasMessageContaining("there is no grid meter");
        assertThatThrownBy(() -> store.set("D", "meter.nope.power")).hasMessageContaining("no meter 'nope'");
        assertThatThrownBy(() -> store.set("D", "grid.wattage")).hasMessageContaining("unknown quantity");
        assertThatThrownBy(() -> store.remove("A")).hasMessageContaining("still used by [B]");

        assertThat(store.list()).isEqualTo(before);
    }

    @Test
    void setAllIsAllOrNothing() throws Exception {
        assertThatThrownBy(() -> store.setAll(List.of(new VariableDefinition("X", "1"),
                new VariableDefinition("Y", "bad +")), true)).isInstanceOf(InvalidExpressionException.class);
        assertThat(store.list()).extracting(Variable::name).containsExactly("AVAIL", "TARIF");

        store.setAll(List.of(new VariableDefinition("tarif", "1"), new VariableDefinition("PWR", "70")), true);
        assertThat(store.list()).extracting(Variable::name).containsExactly("PWR", "tarif");
    }

    @Test
    void liveValuesAreReadAndStaleOnesReportAnError() throws Exception {
        live.addMeter(gridMeter(4200, Instant.now()));
        store.set("GRID_KW", "grid.power / 1000");
        assertThat(store.get("GRID_KW").orElseThrow().value()).isEqualTo(4.2);

        LiveValues staleLive = new LiveValues();
        staleLive.addMeter(gridMeter(4200, Instant.now().minusSeconds(60)));
        VariableStore staleStore = new VariableStore(staleLive, directory.resolve("other.txt"));
        staleStore.set("GRID_KW", "grid.power / 1000");
        Variable stale = staleStore.get("GRID_KW").orElseThrow();
        assertThat(stale.value()).isNaN();
        assertThat(stale.error()).contains("has not answered");
    }

    @Test
    void variablesSurviveARestartAndABrokenLineIsSkipped() throws Exception {
        store.set("LIMIT", "min(AVAIL * 550, 40000)");
        Path file = directory.resolve("variables.txt");
        Files.writeString(file, Files.readString(file) + "BROKEN = 1 +\nLATER = LIMIT / 2\n");
        VariableStore restarted = new VariableStore(live, file);
        assertThat(restarted.get("LIMIT").orElseThrow().value()).isEqualTo(40000);
        assertThat(restarted.get("LATER").orElseThrow().value()).isEqualTo(20000);
        assertThat(restarted.get("BROKEN")).isEmpty();
    }
}
