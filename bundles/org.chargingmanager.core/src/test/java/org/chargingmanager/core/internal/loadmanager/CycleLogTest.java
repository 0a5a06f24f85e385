package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CycleLogTest {

    private final List<String> written = new ArrayList<>();

    @Test
    void fewChangesAreEachWritten() {
        List<String> lines = IntStream.rangeClosed(1, CycleLog.MAX_LINES).mapToObj(i -> "EVSE e" + i).toList();
        CycleLog.report(lines, written::add, LoggerFactory.getLogger(CycleLogTest.class), "limit changes");
        assertThat(written).isEqualTo(lines);
    }

    @Test
    void aMassChangeIsAFewExamplesAndOneLineWithTheCount() {
        List<String> lines = IntStream.rangeClosed(1, 15_000).mapToObj(i -> "EVSE e" + i).toList();
        CycleLog.report(lines, written::add, LoggerFactory.getLogger(CycleLogTest.class), "limit changes");
        assertThat(written).hasSize(CycleLog.SAMPLE_LINES + 1).startsWith("EVSE e1", "EVSE e2")
                .endsWith("... and 14995 more limit changes in this cycle (each at DEBUG)");
    }
}
