package org.chargingmanager.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EnergyRegisterTest {

    @Test
    void aRebootThatReportsZeroHoldsTheLastValueUntilTheCounterIsBack() {
        EnergyRegister register = new EnergyRegister();
        assertEquals(EnergyRegister.Outcome.COUNTING, register.update(12_000));
        assertEquals(EnergyRegister.Outcome.HELD_AT_ZERO, register.update(0));
        assertEquals(12_000, register.wattHours());
        assertEquals(EnergyRegister.Outcome.HELD_AT_ZERO, register.update(0));
        assertEquals(EnergyRegister.Outcome.COUNTING, register.update(12_000));
        register.update(12_250);
        assertEquals(12_250, register.wattHours());
    }

    @Test
    void aCounterThatRestartsLowerGoesOnFromTheHeldValue() {
        EnergyRegister register = new EnergyRegister();
        register.update(50_000);
        assertEquals(EnergyRegister.Outcome.COUNTER_RESET, register.update(20));
        assertEquals(50_000, register.wattHours());
        register.update(520);
        assertEquals(50_500, register.wattHours());
    }

    @Test
    void garbageIsIgnored() {
        EnergyRegister register = new EnergyRegister();
        assertEquals(0, register.wattHours());
        register.update(Double.NaN);
        register.update(-5);
        register.update(Double.POSITIVE_INFINITY);
        assertEquals(0, register.wattHours());
        register.update(7);
        register.update(Double.NaN);
        assertEquals(7, register.wattHours());
    }

    @Test
    void whateverTheDeviceReportsTheValueNeverGoesBackwards() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            EnergyRegister register = new EnergyRegister();
            double previous = 0;
            double raw = random.nextInt(100_000);
            for (int step = 0; step < 200; step++) {
                switch (random.nextInt(6)) {
                    case 0 -> raw = 0;
                    case 1 -> raw = random.nextInt(1_000);
                    case 2 -> raw = Double.NaN;
                    default -> raw = (Double.isNaN(raw) ? 0 : raw) + random.nextInt(500);
                }
                register.update(raw);
                double now = register.wattHours();
                if (now < previous) {
                    throw new AssertionError("went back from " + previous + " to " + now + " at run " + run);
                }
                previous = now;
            }
        }
    }
}
