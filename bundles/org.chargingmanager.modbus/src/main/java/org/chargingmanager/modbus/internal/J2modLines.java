package org.chargingmanager.modbus.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link ModbusLines} service on j2mod (PID {@code org.chargingmanager.modbus}, configuration optional).
 * Lines are kept by key (TCP: host and port; serial: port name) while handles are open on them. Usable without
 * OSGi through the public constructor (the test kit does).
 */
@Component(name = J2modLines.PID, configurationPid = J2modLines.PID, service = ModbusLines.class)
@Designate(ocd = ModbusLinesConfig.class)
public final class J2modLines implements ModbusLines, AutoCloseable {

    public static final String PID = "org.chargingmanager.modbus";

    private final Clock clock;
    private volatile Duration backoffInitial;
    private volatile Duration backoffMax;
    private final Function<ModbusEndpoint, Transport> transports;
    private final Map<Object, SharedLine> lines = new HashMap<>();
    private boolean closed;

    @Activate
    public J2modLines(ModbusLinesConfig config) {
        this(Clock.systemUTC(), initial(config), max(config));
    }

    /** A negative first back-off is 1 s; a longest back-off below the first is the first. */
    private static Duration initial(ModbusLinesConfig config) {
        return Duration.ofMillis(config.backoffInitialMillis() < 0 ? 1000 : config.backoffInitialMillis());
    }

    private static Duration max(ModbusLinesConfig config) {
        return Duration.ofMillis(Math.max(initial(config).toMillis(), config.backoffMaxMillis()));
    }

    /**
     * @param clock          for the back-off
     * @param backoffInitial wait after the first failed connect
     * @param backoffMax     the longest wait
     */
    public J2modLines(Clock clock, Duration backoffInitial, Duration backoffMax) {
        this(clock, backoffInitial, backoffMax, J2modLines::transport);
    }

    J2modLines(Clock clock, Duration backoffInitial, Duration backoffMax,
            Function<ModbusEndpoint, Transport> transports) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoffInitial = Objects.requireNonNull(backoffInitial, "backoffInitial");
        this.backoffMax = Objects.requireNonNull(backoffMax, "backoffMax");
        this.transports = transports;
        new Backoff(backoffInitial, backoffMax); // validates
    }

    /**
     * A new back-off applies to lines opened from now on; open lines keep theirs, so a configuration change
     * neither restarts the service nor drops a connection.
     */
    @Modified
    void modified(ModbusLinesConfig config) {
        backoffInitial = initial(config);
        backoffMax = max(config);
    }

    private static Transport transport(ModbusEndpoint endpoint) {
        if (endpoint instanceof ModbusEndpoint.Tcp tcp) {
            return new TcpTransport(tcp);
        }
        if (endpoint instanceof ModbusEndpoint.SerialBridge bridge) {
            return new FramedTransport(new SocketBytePort(bridge.host(), bridge.port()), bridge.framing());
        }
        ModbusEndpoint.Serial serial = (ModbusEndpoint.Serial) endpoint;
        // ASCII framed here: j2mod's ASCII transport does not take answers starting with '>' (ABL)
        return serial.framing() == ModbusEndpoint.SerialFraming.ASCII
                ? new FramedTransport(new SerialBytePort(serial), serial.framing()) : new SerialTransport(serial);
    }

    private static Object key(ModbusEndpoint endpoint) {
        if (endpoint instanceof ModbusEndpoint.Serial serial) {
            return "serial:" + serial.portName();
        }
        if (endpoint instanceof ModbusEndpoint.SerialBridge bridge) {
            return "bridge:" + bridge.host() + ":" + bridge.port();
        }
        return endpoint;
    }

    @Override
    public ModbusLine open(ModbusEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        SharedLine line;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Modbus lines service is stopped");
            }
            line = lines.get(key(endpoint));
            if (line != null && !line.endpoint().equals(endpoint)) {
                throw new IllegalArgumentException("serial line already open as " + line.endpoint()
                        + ", cannot open it as " + endpoint);
            }
            if (line == null) {
                line = new SharedLine(endpoint, transports.apply(endpoint), clock, backoffInitial, backoffMax);
                lines.put(key(endpoint), line);
            }
            line.addUser();
        }
        return new LineHandle(this, line);
    }

    void release(SharedLine line) {
        boolean last;
        synchronized (this) {
            last = line.removeUser() == 0 && lines.get(key(line.endpoint())) == line;
            if (last) {
                lines.remove(key(line.endpoint()));
            }
        }
        if (last) {
            line.shutdown();
        }
    }

    /** The endpoints with at least one open handle (for status pages and tests). */
    public synchronized List<ModbusEndpoint> openEndpoints() {
        List<ModbusEndpoint> result = new ArrayList<>();
        lines.values().forEach(l -> result.add(l.endpoint()));
        return result;
    }

    @Deactivate
    @Override
    public void close() {
        List<SharedLine> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(lines.values());
            lines.clear();
        }
        all.forEach(SharedLine::shutdown);
    }
}
