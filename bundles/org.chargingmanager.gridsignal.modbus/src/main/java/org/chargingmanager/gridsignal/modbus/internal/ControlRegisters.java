package org.chargingmanager.gridsignal.modbus.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * The register map of the control interface: a SunSpec-style block of holding registers (FC 03 read, FC 06 / 16
 * write; protocol addresses, 0-based). Thread-safe.
 *
 * <pre>
 * 40000-40001  "SunS" marker (0x5375 0x6E53)
 * 40002        model ID 64900 (vendor range: charging manager control)
 * 40003        model length 10
 * 40004-40005  ChaW     U32 R   power of all charging points, W (0xFFFFFFFF: not available)
 * 40006-40007  GridW    S32 R   power at the grid meter, W, import positive (0x80000000: not available)
 * 40008        LimPct   U16 RW  limit in % of the house connection, 0..100
 * 40009        LimEna   U16 RW  1: the limit applies, 0: no limit
 * 40010        Reserved U16 R   0
 * 40011        Heartbeat U16 RW any value; every write counts as the box being alive
 * 40012        Status   U16 R   0 not limited, 1 limited, 2 failsafe
 * 40013        LimApplied U16 R the limit in % in force now (100: none)
 * 40014-40015  end marker (0xFFFF 0x0000)
 * </pre>
 */
final class ControlRegisters {

    static final int BASE = 40000;
    static final int MODEL_ID = 64900;
    static final int MODEL_LENGTH = 10;
    static final int LIMIT_PCT = 40008;
    static final int LIMIT_ENABLED = 40009;
    static final int HEARTBEAT = 40011;
    static final int END = 40016;

    /** Modbus exception codes. */
    static final int ILLEGAL_FUNCTION = 1;
    static final int ILLEGAL_ADDRESS = 2;
    static final int ILLEGAL_VALUE = 3;

    /** What the block shows of the site. */
    interface Site {
        double chargingPowerWatts();

        double gridPowerWatts();

        /** 0 not limited, 1 limited, 2 failsafe. */
        int status();

        /** The limit in % in force now. */
        double appliedLimitPercent();
    }

    /** A refused request: the Modbus exception code and why (for the log). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final Site site;
    private final Clock clock;
    private int limitPercent = 100;
    private boolean limitEnabled;
    private int heartbeat;
    private Instant lastWrite;

    ControlRegisters(Site site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    int[] read(int address, int count) throws Refused {
        if (count < 1 || count > 125) {
            throw new Refused(ILLEGAL_VALUE, "cannot read " + count + " registers (1 to 125)");
        }
        if (address < BASE || address + count > END) {
            throw new Refused(ILLEGAL_ADDRESS, "registers " + address + " to " + (address + count - 1)
                    + " are outside the block " + BASE + " to " + (END - 1));
        }
        int[] block = snapshot();
        int[] words = new int[count];
        System.arraycopy(block, address - BASE, words, 0, count);
        return words;
    }

    private int[] snapshot() {
        int[] block = new int[END - BASE];
        block[0] = 0x5375;
        block[1] = 0x6E53;
        block[2] = MODEL_ID;
        block[3] = MODEL_LENGTH;
        double charging = site.chargingPowerWatts();
        long chaW = Double.isFinite(charging) && charging >= 0 ? Math.min(Math.round(charging), 0xFFFFFFFEL) : 0xFFFFFFFFL;
        block[4] = (int) (chaW >>> 16) & 0xFFFF;
        block[5] = (int) chaW & 0xFFFF;
        double grid = site.gridPowerWatts();
        long gridW = Double.isFinite(grid) ? Math.max(Math.min(Math.round(grid), Integer.MAX_VALUE), Integer.MIN_VALUE + 1)
                : Integer.MIN_VALUE;
        block[6] = (int) (gridW >>> 16) & 0xFFFF;
        block[7] = (int) gridW & 0xFFFF;
        synchronized (this) {
            block[8] = limitPercent;
            block[9] = limitEnabled ? 1 : 0;
            block[11] = heartbeat;
        }
        block[12] = site.status();
        double applied = site.appliedLimitPercent();
        block[13] = Double.isFinite(applied) ? (int) Math.max(0, Math.min(100, Math.round(applied))) : 100;
        block[14] = 0xFFFF;
        block[15] = 0;
        return block;
    }

    /** Writes consecutive registers: all of them, or none if any is refused. */
    synchronized void write(int address, int[] words) throws Refused {
        for (int i = 0; i < words.length; i++) {
            int register = address + i;
            int value = words[i] & 0xFFFF;
            switch (register) {
            case LIMIT_PCT:
                if (value > 100) {
                    throw new Refused(ILLEGAL_VALUE, "the limit (register " + LIMIT_PCT + ") must be 0 to 100 %, not "
                            + value);
                }
                break;
            case LIMIT_ENABLED:
                if (value > 1) {
                    throw new Refused(ILLEGAL_VALUE, "register " + LIMIT_ENABLED + " must be 0 or 1, not " + value);
                }
                break;
            case HEARTBEAT:
                break;
            default:
                throw new Refused(ILLEGAL_ADDRESS, "register " + register + " cannot be written (writable: "
                        + LIMIT_PCT + ", " + LIMIT_ENABLED + ", " + HEARTBEAT + ")");
            }
        }
        for (int i = 0; i < words.length; i++) {
            int value = words[i] & 0xFFFF;
            switch (address + i) {
            case LIMIT_PCT:
                limitPercent = value;
                break;
            case LIMIT_ENABLED:
                limitEnabled = value == 1;
                break;
            default:
                heartbeat = value;
            }
        }
        lastWrite = clock.instant();
    }

    /** The limit the box asks for now: its percentage while enabled, else 100. */
    synchronized double requestedPercent() {
        return limitEnabled ? limitPercent : 100;
    }

    synchronized Instant lastWrite() {
        return lastWrite;
    }

    synchronized boolean written() {
        return lastWrite != null;
    }
}
