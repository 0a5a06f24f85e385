package org.chargingmanager.testkit.sma;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an SMA Energy Meter telegram (Speedwire, protocol 0x6069) as the meter multicasts it about once a second:
 * {@code "SMA\0"}, group tag 0x02A0 (group 1), data tag 0x0010 with its length, protocol ID 0x6069, SUSy ID, serial
 * number (u32), a millisecond tick, then OBIS records {@code 00 cc tt 00} followed by a 4-byte value ({@code tt} = 4)
 * or an 8-byte counter ({@code tt} = 8), the software version record {@code 90 00 00 00}, and the end tag. Units:
 * power 0.1 W, energy Ws, current mA, voltage mV, frequency 0.001 Hz. Written for tests from the documented format.
 */
public final class SmaTelegram {

    private final long serial;
    private int susyId = 349;
    private long tickMillis = 1_000;
    private final Map<Integer, Long> actual = new LinkedHashMap<>();
    private final Map<Integer, Long> counters = new LinkedHashMap<>();
    private int protocolId = 0x6069;

    private SmaTelegram(long serial) {
        this.serial = serial;
    }

    /** A telegram of the meter with this serial number, all values 0. */
    public static SmaTelegram of(long serial) {
        return new SmaTelegram(serial);
    }

    /**
     * Net power: import and export channels (1/2 total, 21/22 L1, 41/42 L2, 61/62 L3) in 0.1 W, as the meter sends
     * them (one of the two is 0).
     *
     * @param phase 0 for the total, 1..3 for L1..L3
     */
    public SmaTelegram power(int phase, double watts) {
        int base = phase * 20;
        actual.put(base + 1, watts > 0 ? Math.round(watts * 10) : 0);
        actual.put(base + 2, watts < 0 ? Math.round(-watts * 10) : 0);
        return this;
    }

    /** Current of a phase (channel 31/51/71), without sign, in mA. */
    public SmaTelegram current(int phase, double amps) {
        actual.put(phase * 20 + 11, Math.round(Math.abs(amps) * 1000));
        return this;
    }

    /** Voltage of a phase (channel 32/52/72) in mV. */
    public SmaTelegram voltage(int phase, double volts) {
        actual.put(phase * 20 + 12, Math.round(volts * 1000));
        return this;
    }

    /** The import (channel 1) and export (channel 2) counters, in Ws. */
    public SmaTelegram energies(double importWattHours, double exportWattHours) {
        counters.put(1, Math.round(importWattHours * 3600));
        counters.put(2, Math.round(exportWattHours * 3600));
        return this;
    }

    public SmaTelegram frequency(double hertz) {
        actual.put(14, Math.round(hertz * 1000));
        return this;
    }

    public SmaTelegram tick(long millis) {
        tickMillis = millis;
        return this;
    }

    /** Another Speedwire protocol (an inverter's 0x6065), which a meter driver must ignore. */
    public SmaTelegram protocol(int id) {
        protocolId = id;
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(12);
        head.putShort((short) protocolId).putShort((short) susyId).putInt((int) serial).putInt((int) tickMillis);
        data.writeBytes(head.array());
        for (int channel = 1; channel <= 80; channel++) {
            if (actual.containsKey(channel)) {
                data.writeBytes(new byte[] {0, (byte) channel, 4, 0});
                data.writeBytes(ByteBuffer.allocate(4).putInt((int) (long) actual.get(channel)).array());
            }
            if (counters.containsKey(channel)) {
                data.writeBytes(new byte[] {0, (byte) channel, 8, 0});
                data.writeBytes(ByteBuffer.allocate(8).putLong(counters.get(channel)).array());
            }
        }
        data.writeBytes(new byte[] {(byte) 0x90, 0, 0, 0, 2, 0, 18, 82}); // software version 2.0.18.R
        byte[] payload = data.toByteArray();
        ByteBuffer telegram = ByteBuffer.allocate(4 + 8 + 4 + payload.length + 4);
        telegram.put("SMA\0".getBytes(StandardCharsets.US_ASCII));
        telegram.putShort((short) 4).putShort((short) 0x02A0).putInt(1);
        telegram.putShort((short) payload.length).putShort((short) 0x0010);
        telegram.put(payload);
        telegram.putInt(0); // end tag
        return telegram.array();
    }
}
