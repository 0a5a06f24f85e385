package org.chargingmanager.testkit.keba;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A KEBA KeContact P30 on a free UDP port of 127.0.0.1, written from the KEBA UDP Programmers Guide: it answers
 * {@code i}, {@code report 1/2/3/100}, {@code ena}, {@code curr}, {@code currtime}, {@code failsafe}, {@code x2src},
 * {@code x2} (phase switch, when its source is UDP), {@code display} and {@code setenergy}, has a car that draws what the box allows, and a failsafe that fires when no
 * {@code curr}/{@code currtime}/{@code ena} came within its timeout.
 *
 * <p><b>It enforces the spacing rules</b>: at least 100 ms between any two commands, 5 s between repetitions of the
 * same command, 2 s after {@code ena 0} or {@code currtime 0 1}. Every command that breaks one is recorded;
 * {@link #assertTimingRulesKept()} fails the test with the list. Times come from the clock given, so a test with a
 * {@code MutableClock} checks the rules exactly and without sleeping; with the system clock, a tolerance absorbs
 * scheduling jitter of the receiving thread.
 *
 * <p>Faults: {@link #silent(boolean)} (no answers), {@link #garbage(boolean)} (answers that are not reports),
 * {@link #omitField(String)} (a firmware whose reports lack a field), {@link #reboot()}.
 */
public final class KebaSimulator implements AutoCloseable {

    /** One command as received. */
    public record Received(String command, Instant at, SocketAddress from) {
    }

    private static final Duration BETWEEN_COMMANDS = Duration.ofMillis(100);
    private static final Duration BETWEEN_REPEATS = Duration.ofSeconds(5);
    private static final Duration AFTER_DISABLE = Duration.ofSeconds(2);

    private final DatagramSocket socket;
    private final Clock clock;
    private final Duration tolerance;
    private final Thread thread;
    private volatile boolean closed;

    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Instant> lastByText = new HashMap<>();
    private final Set<String> omitted = new HashSet<>();
    private Instant lastCommandAt;
    private Instant quietUntil = Instant.MIN;
    private int answers;
    private int eepromWrites;

    private String product = "KC-P30-EC240422-E00";
    private String serial = "17012345";
    private String firmware = "P30 v 3.10.57 (201015-102541)";
    private Instant bootedAt;
    private boolean silent;
    private boolean garbage;

    private int hardwareMilliamps = 32000;
    private boolean enableUser = true;
    private int userMilliamps = 32000;
    private int failsafeTimeoutSeconds;
    private int failsafeMilliamps;
    private boolean failsafeFired;
    private Instant lastLimitCommandAt;
    private boolean carPlugged;
    private int carMaxMilliamps;
    private int carPhases = 3;
    private Instant updatedAt;
    private double totalTenthWattHours = 12_345_670;
    private double sessionTenthWattHours;
    private int phaseSwitchSource;
    private int phaseSwitch = 1;
    private int phaseSwitches;
    private String cardTag;
    private boolean sessionReports = true;

    private KebaSimulator(Clock clock, Duration tolerance) throws IOException {
        this.clock = clock;
        this.tolerance = tolerance;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.bootedAt = clock.instant();
        this.updatedAt = bootedAt;
        this.thread = new Thread(this::serve, "keba-simulator-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** A box whose timing is checked exactly against {@code clock}. */
    public static KebaSimulator start(Clock clock) {
        return start(clock, Duration.ZERO);
    }

    /**
     * A box whose timing is checked against {@code clock}, forgiving {@code tolerance} (the receiving thread's
     * scheduling jitter when the clock is the system clock).
     */
    public static KebaSimulator start(Clock clock, Duration tolerance) {
        try {
            return new KebaSimulator(clock, tolerance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    // ---- set-up and faults

    public synchronized KebaSimulator identity(String newProduct, String newSerial, String newFirmware) {
        product = newProduct;
        serial = newSerial;
        firmware = newFirmware;
        return this;
    }

    /** The DIP switch / cable limit ({@code Curr HW}). */
    public synchronized KebaSimulator hardwareCurrent(int milliamps) {
        hardwareMilliamps = milliamps;
        userMilliamps = Math.min(userMilliamps, milliamps);
        return this;
    }

    /** A car is plugged in that draws up to {@code maxMilliamps} on {@code phases} phases. */
    public synchronized KebaSimulator plugCar(int maxMilliamps, int phases) {
        update();
        carPlugged = true;
        carMaxMilliamps = maxMilliamps;
        carPhases = phases;
        sessionTenthWattHours = 0;
        return this;
    }

    public synchronized KebaSimulator unplugCar() {
        update();
        carPlugged = false;
        cardTag = null;
        return this;
    }

    /** An x-series with the phase switch: who may switch (4 = UDP; {@code x2src} sets it too). */
    public synchronized KebaSimulator phaseSwitchSource(int source) {
        phaseSwitchSource = source;
        return this;
    }

    /** 0: one phase, 1: three phases (report 2's {@code X2 phaseSwitch}). */
    public synchronized int phaseSwitch() {
        return phaseSwitch;
    }

    /** How many times {@code x2} switched the phases. */
    public synchronized int phaseSwitches() {
        return phaseSwitches;
    }

    /** A card authorises the session (report 100's {@code RFID tag}, hex as KEBA writes it). */
    public synchronized KebaSimulator presentCard(String tag) {
        cardTag = tag;
        return this;
    }

    /** An older firmware: {@code report 100} answers TCH-ERR. */
    public synchronized KebaSimulator withoutSessionReports() {
        sessionReports = false;
        return this;
    }

    public synchronized KebaSimulator silent(boolean newSilent) {
        silent = newSilent;
        return this;
    }

    /** Answers every report with bytes that are no report. */
    public synchronized KebaSimulator garbage(boolean newGarbage) {
        garbage = newGarbage;
        return this;
    }

    /** Reports lack this field from now on (another firmware). */
    public synchronized KebaSimulator omitField(String field) {
        omitted.add(field);
        return this;
    }

    /** The box restarts: its seconds counter starts at 0, settings not saved are gone, the failsafe is off. */
    public synchronized KebaSimulator reboot() {
        update();
        bootedAt = clock.instant();
        enableUser = true;
        userMilliamps = hardwareMilliamps;
        failsafeTimeoutSeconds = 0;
        failsafeMilliamps = 0;
        failsafeFired = false;
        lastLimitCommandAt = null;
        return this;
    }

    // ---- what the box has

    /** {@code Curr user}: the last current set with {@code curr}. */
    public synchronized int userCurrentMilliamps() {
        return userMilliamps;
    }

    /** {@code Enable user}. */
    public synchronized boolean enabledByUser() {
        return enableUser;
    }

    /** What the car may draw now, all limits and the failsafe considered; 0 when charging is not enabled. */
    public synchronized int allowedMilliamps() {
        update();
        return enableSys() ? maxCurrent() : 0;
    }

    /** What the car draws now per phase. */
    public synchronized int drawnMilliamps() {
        update();
        return drawn();
    }

    public synchronized boolean failsafeFired() {
        update();
        return failsafeFired;
    }

    public synchronized int failsafeTimeoutSeconds() {
        return failsafeTimeoutSeconds;
    }

    public synchronized int failsafeMilliamps() {
        return failsafeMilliamps;
    }

    /** Settings saved to the box's EEPROM ({@code failsafe ... 1}); a driver should never cause one in a loop. */
    public synchronized int eepromWrites() {
        return eepromWrites;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The texts of the commands received, in order. */
    public synchronized List<String> commands() {
        return received.stream().map(Received::command).toList();
    }

    /** How many datagrams were received (including those not answered). */
    public synchronized int receivedCount() {
        return received.size();
    }

    /** How many datagrams were (or are about to be) sent back. */
    public synchronized int answerCount() {
        return answers;
    }

    public synchronized List<String> timingViolations() {
        return List.copyOf(violations);
    }

    /** Fails with every command that broke a spacing rule. */
    public synchronized void assertTimingRulesKept() {
        if (!violations.isEmpty()) {
            throw new AssertionError("the KEBA spacing rules were broken:\n  " + String.join("\n  ", violations));
        }
    }

    // ---- protocol

    private void serve() {
        byte[] buffer = new byte[1024];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                continue;
            }
            String command = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII).strip();
            String answer = handleCounted(command, packet.getSocketAddress());
            if (answer != null) {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                try {
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                } catch (IOException e) {
                    // the driver's socket is gone
                }
            }
        }
    }

    /**
     * Handles a command and counts its answer before it is sent, in one step with counting the command: a test that
     * sees the command received also sees its answer counted, and waits for the driver to have it.
     */
    private synchronized String handleCounted(String command, SocketAddress from) {
        String answer = handle(command, from);
        if (answer != null) {
            answers++;
        }
        return answer;
    }

    private String handle(String command, SocketAddress from) {
        Instant now = clock.instant();
        received.add(new Received(command, now, from));
        checkTiming(command, now);
        update();
        if (silent) {
            return null;
        }
        String[] words = command.split("\\s+");
        try {
            switch (words[0]) {
                case "i":
                    return "\"Firmware\":\"" + firmware + "\"\n";
                case "report":
                    if (garbage) {
                        return "\u0000\u00ffTCH-?? {\"ID\": ";
                    }
                    return report(Integer.parseInt(words[1]));
                case "ena":
                    enableUser = Integer.parseInt(words[1]) == 1;
                    if (enableUser) {
                        failsafeFired = false;
                    }
                    lastLimitCommandAt = now;
                    return ok();
                case "curr":
                    int milliamps = Integer.parseInt(words[1]);
                    if (milliamps < 6000 || milliamps > 63000) {
                        return "TCH-ERR :value out of range\n";
                    }
                    userMilliamps = Math.min(milliamps, hardwareMilliamps);
                    lastLimitCommandAt = now;
                    return ok();
                case "currtime":
                    int timed = Integer.parseInt(words[1]);
                    if (timed != 0 && (timed < 6000 || timed > 63000)) {
                        return "TCH-ERR :value out of range\n";
                    }
                    userMilliamps = timed == 0 ? userMilliamps : Math.min(timed, hardwareMilliamps);
                    enableUser = timed != 0;
                    lastLimitCommandAt = now;
                    return ok();
                case "failsafe":
                    int seconds = Integer.parseInt(words[1]);
                    int current = Integer.parseInt(words[2]);
                    if ((seconds != 0 && (seconds < 10 || seconds > 600))
                            || (current != 0 && (current < 6000 || current > 63000))) {
                        return "TCH-ERR :value out of range\n";
                    }
                    failsafeTimeoutSeconds = seconds;
                    failsafeMilliamps = current;
                    if (words.length > 3 && words[3].equals("1")) {
                        eepromWrites++;
                    }
                    lastLimitCommandAt = now;
                    return ok();
                case "x2src":
                    phaseSwitchSource = Integer.parseInt(words[1]);
                    return ok();
                case "x2":
                    int x2 = Integer.parseInt(words[1]);
                    if (phaseSwitchSource != 4 || (x2 != 0 && x2 != 1)) {
                        return "TCH-ERR :phase switching not by UDP\n";
                    }
                    if (x2 != phaseSwitch) {
                        phaseSwitches++;
                    }
                    phaseSwitch = x2;
                    return ok();
                case "display":
                case "setenergy":
                case "output":
                    return ok();
                default:
                    return "TCH-ERR :unknown command\n";
            }
        } catch (RuntimeException e) {
            return "TCH-ERR :syntax\n";
        }
    }

    private String ok() {
        return "TCH-OK :done\n";
    }

    private void checkTiming(String command, Instant now) {
        if (lastCommandAt != null && Duration.between(lastCommandAt, now).plus(tolerance).compareTo(BETWEEN_COMMANDS) < 0) {
            violations.add("\"" + command + "\" " + Duration.between(lastCommandAt, now).toMillis()
                    + " ms after the previous command (at least 100 ms)");
        }
        Instant same = lastByText.get(command);
        if (same != null && Duration.between(same, now).plus(tolerance).compareTo(BETWEEN_REPEATS) < 0) {
            violations.add("\"" + command + "\" repeated after " + Duration.between(same, now).toMillis()
                    + " ms (at least 5 s)");
        }
        if (now.plus(tolerance).isBefore(quietUntil)) {
            violations.add("\"" + command + "\" " + Duration.between(now, quietUntil).toMillis()
                    + " ms too early after a disabling command (at least 2 s)");
        }
        lastCommandAt = now;
        lastByText.put(command, now);
        if (command.equals("ena 0") || command.startsWith("currtime 0 ")) {
            quietUntil = now.plus(AFTER_DISABLE);
        }
    }

    /**
     * A fired failsafe with current 0 disables charging ("Enable sys" 0, as after {@code ena 0}); with a current it
     * limits the box to it ("Max curr" = "Curr FS").
     */
    private boolean enableSys() {
        return enableUser && !(failsafeFired && failsafeMilliamps == 0);
    }

    private int maxCurrent() {
        int max = Math.min(userMilliamps, hardwareMilliamps);
        return failsafeFired ? Math.min(hardwareMilliamps, failsafeMilliamps) : max;
    }

    /** The car's phases, one while the phase switch is on one phase. */
    private int phasesDrawn() {
        return phaseSwitch == 0 ? 1 : carPhases;
    }

    private int drawn() {
        if (!carPlugged || !enableSys() || maxCurrent() < 6000) {
            return 0;
        }
        return Math.min(maxCurrent(), carMaxMilliamps);
    }

    /** Moves the box to the clock's time: energy, failsafe. */
    private void update() {
        Instant now = clock.instant();
        if (failsafeTimeoutSeconds > 0 && !failsafeFired && lastLimitCommandAt != null
                && Duration.between(lastLimitCommandAt, now).getSeconds() >= failsafeTimeoutSeconds) {
            failsafeFired = true;
        }
        double hours = Duration.between(updatedAt, now).toMillis() / 3_600_000.0;
        if (hours > 0) {
            double watts = drawn() / 1000.0 * 230 * phasesDrawn();
            totalTenthWattHours += watts * hours * 10;
            sessionTenthWattHours += watts * hours * 10;
            updatedAt = now;
        }
    }

    private String report(int number) {
        long sec = Duration.between(bootedAt, clock.instant()).getSeconds();
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (number) {
            case 1 -> {
                fields.put("ID", "1");
                fields.put("Product", product);
                fields.put("Serial", serial);
                fields.put("Firmware", firmware);
                fields.put("COM-module", 0);
                fields.put("Backend", 0);
                fields.put("timeQ", 0);
                fields.put("DIP-Sw1", "0x22");
                fields.put("DIP-Sw2", "0x00");
                fields.put("Sec", sec);
            }
            case 2 -> {
                int drawn = drawn();
                int state = !carPlugged ? 1 : !enableSys() ? 5 : drawn > 0 ? 3 : 2;
                fields.put("ID", "2");
                fields.put("State", state);
                fields.put("Error1", 0);
                fields.put("Error2", 0);
                fields.put("Plug", carPlugged ? 7 : 1);
                fields.put("AuthON", 0);
                fields.put("Authreq", 0);
                fields.put("Enable sys", enableSys() ? 1 : 0);
                fields.put("Enable user", enableUser ? 1 : 0);
                fields.put("Max curr", maxCurrent());
                fields.put("Max curr %", maxCurrent() / 63);
                fields.put("Curr HW", hardwareMilliamps);
                fields.put("Curr user", userMilliamps);
                fields.put("Curr FS", failsafeMilliamps);
                fields.put("Tmo FS", failsafeTimeoutSeconds);
                fields.put("Curr timer", 0);
                fields.put("Tmo CT", 0);
                fields.put("Setenergy", 0);
                fields.put("Output", 0);
                fields.put("Input", 0);
                fields.put("X2 phaseSwitch source", phaseSwitchSource);
                fields.put("X2 phaseSwitch", phaseSwitch);
                fields.put("Serial", serial);
                fields.put("Sec", sec);
            }
            case 3 -> {
                int drawn = drawn();
                fields.put("ID", "3");
                fields.put("U1", 231);
                fields.put("U2", phasesDrawn() == 3 ? 230 : 0);
                fields.put("U3", phasesDrawn() == 3 ? 229 : 0);
                fields.put("I1", drawn);
                fields.put("I2", phasesDrawn() == 3 ? drawn : 0);
                fields.put("I3", phasesDrawn() == 3 ? drawn : 0);
                fields.put("P", (long) drawn * 230 * phasesDrawn());
                fields.put("PF", drawn > 0 ? 998 : 0);
                fields.put("E pres", Math.round(sessionTenthWattHours));
                fields.put("E total", Math.round(totalTenthWattHours));
                fields.put("Serial", serial);
                fields.put("Sec", sec);
            }
            case 100 -> {
                if (!sessionReports) {
                    return "TCH-ERR :unknown report\n";
                }
                fields.put("ID", "100");
                fields.put("Session ID", 35);
                fields.put("Curr HW", hardwareMilliamps);
                fields.put("E start", Math.round(totalTenthWattHours - sessionTenthWattHours));
                fields.put("E pres", Math.round(sessionTenthWattHours));
                fields.put("started[s]", 0);
                fields.put("ended[s]", 0);
                fields.put("reason", 0);
                fields.put("RFID tag", cardTag == null ? "0000000000000000" : cardTag);
                fields.put("RFID class", cardTag == null ? "00000000000000000000" : "01010400000000000000");
                fields.put("Serial", serial);
                fields.put("Sec", sec);
            }
            default -> {
                return "TCH-ERR :unknown report\n";
            }
        }
        StringBuilder json = new StringBuilder("{\n");
        fields.entrySet().stream().filter(e -> !omitted.contains(e.getKey())).forEach(e -> {
            json.append('"').append(e.getKey()).append("\": ");
            json.append(e.getValue() instanceof String text ? "\"" + text + "\"" : e.getValue());
            json.append(",\n");
        });
        json.setLength(json.length() - 2);
        return json.append("\n}\n").toString();
    }

    /** Sends a status message as the box does by itself on a change, to {@code to}. */
    public void push(InetSocketAddress to, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
