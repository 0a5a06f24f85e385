package org.chargingmanager.gridsignal.modbus.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.chargingmanager.api.grid.GridSignal;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modbus control interface (configuration {@code org.chargingmanager.gridsignal.modbus}): serves the
 * {@link ControlRegisters} and registers itself as the grid-signal source {@code modbus} while its port is set.
 */
@Component(configurationPid = ControlInterface.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = ControlInterfaceConfig.class)
public class ControlInterface {

    public static final String PID = "org.chargingmanager.gridsignal.modbus";
    static final String SOURCE_ID = "modbus";
    private static final Logger LOG = LoggerFactory.getLogger(ControlInterface.class);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private ModbusTcpServer server;
    private ServiceRegistration<GridSignalSource> registration;

    @Activate
    public ControlInterface(@Reference Variables variables, @Reference GridSignals signals, BundleContext context,
            ControlInterfaceConfig config) {
        if (config.port() == 0) {
            LOG.info("Modbus control interface: off (port 0)");
            return;
        }
        try {
            Source source = open(variables, signals, config, Clock.systemUTC());
            server = source.server;
            registration = context.registerService(GridSignalSource.class, source, null);
        } catch (IllegalArgumentException | IOException e) {
            LOG.warn("Modbus control interface is off: {}", e.getMessage());
        }
    }

    /** Starts the server; the returned source is registered by the caller. */
    static Source open(Variables variables, GridSignals signals, ControlInterfaceConfig config, Clock clock)
            throws IOException {
        String variable = config.variable() == null ? "" : config.variable().trim();
        if (!VARIABLE.matcher(variable).matches()) {
            throw new IllegalArgumentException("'Variable' must be a variable name, not '" + variable + "'");
        }
        if (config.failsafeLimitPercent() < 0 || config.failsafeLimitPercent() > 100) {
            throw new IllegalArgumentException("'Failsafe: limit' must be 0 to 100 %");
        }
        Set<InetAddress> allowed = new HashSet<>();
        for (String client : config.allowedClients() == null ? new String[0] : config.allowedClients()) {
            if (client != null && !client.isBlank()) {
                try {
                    allowed.addAll(List.of(InetAddress.getAllByName(client.trim())));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("'Allowed clients': unknown host '" + client.trim() + "'");
                }
            }
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(config.bindAddress() == null || config.bindAddress().isBlank() ? "0.0.0.0"
                    : config.bindAddress().trim());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'Listen address': unknown '" + config.bindAddress() + "'");
        }
        GridSourceInfo info = new GridSourceInfo(SOURCE_ID, "Modbus control box", variable, "%", 100,
                new FailsafeSettings(Duration.ofSeconds(Math.max(0, config.lostAfterSeconds())),
                        config.failsafeLimitPercent(), Duration.ofSeconds(Math.max(0, config.failsafeMinimumSeconds()))));
        Source source = new Source(info, signals);
        ControlRegisters registers = new ControlRegisters(new SiteView(variables, signals, config), clock);
        source.registers = registers;
        try {
            source.server = new ModbusTcpServer(bind, config.port(), config.unitId(), allowed, registers,
                    source::written);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + bind.getHostAddress() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Modbus control interface listening on {}:{} (unit {}), {}, sets {}", bind.getHostAddress(),
                source.server.port(), config.unitId(), allowed.isEmpty() ? "every client allowed"
                        : "allowed clients " + allowed, variable);
        return source;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The grid-signal source: the box's limit, alive while it writes. */
    static final class Source implements GridSignalSource {
        private final GridSourceInfo info;
        private final GridSignals signals;
        ControlRegisters registers;
        ModbusTcpServer server;
        private double lastLogged = Double.NaN;

        Source(GridSourceInfo info, GridSignals signals) {
            this.info = info;
            this.signals = signals;
        }

        synchronized void written(InetAddress client, int address, int[] words) {
            double requested = registers.requestedPercent();
            if (Double.compare(requested, lastLogged) != 0) {
                lastLogged = requested;
                LOG.info("Modbus control interface: {} sets the limit to {} %", client.getHostAddress(),
                        (long) requested);
            }
            signals.signalChanged(info.id());
        }

        @Override
        public GridSourceInfo info() {
            return info;
        }

        @Override
        public GridSignal current(Instant now) {
            if (!registers.written()) {
                return GridSignal.unknown("the box has not written yet");
            }
            double requested = registers.requestedPercent();
            return new GridSignal(registers.lastWrite(), requested, requested < 100 ? "limit " + (long) requested + " %"
                    : "no limit");
        }

        int port() {
            return server.port();
        }

        void close() {
            server.close();
        }
    }

    /** The site as the registers show it. */
    private record SiteView(Variables variables, GridSignals signals, ControlInterfaceConfig config)
            implements ControlRegisters.Site {

        @Override
        public double chargingPowerWatts() {
            return evaluate(config.chargingPowerExpression());
        }

        @Override
        public double gridPowerWatts() {
            return evaluate(config.gridPowerExpression());
        }

        private double evaluate(String expression) {
            try {
                return variables.evaluate(expression);
            } catch (InvalidExpressionException | RuntimeException e) {
                return Double.NaN;
            }
        }

        @Override
        public int status() {
            for (GridSourceStatus status : signals.status()) {
                if (status.info().id().equals(SOURCE_ID)) {
                    return status.failsafe() ? 2 : status.restricting() ? 1 : 0;
                }
            }
            return 0;
        }

        @Override
        public double appliedLimitPercent() {
            for (GridSourceStatus status : signals.status()) {
                if (status.info().id().equals(SOURCE_ID)) {
                    return status.effectiveValue();
                }
            }
            return Double.NaN;
        }
    }
}
