package org.chargingmanager.device.definition.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
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
 * One device from a definition file: reads and checks the file, opens a Modbus line or an HTTP client, registers a
 * {@link Meter} or an {@link Evse} and polls it in a thread of its own. A definition that cannot be used is one
 * error line naming the file and the problem, and no device.
 */
@Component(name = DefinedDevice.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = DefinedDeviceConfig.class, factory = true)
public class DefinedDevice {

    public static final String PID = "org.chargingmanager.device.definition";

    private static final Logger LOG = LoggerFactory.getLogger(DefinedDevice.class);

    private final ModbusLine line;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<?> registration;

    @Activate
    public DefinedDevice(BundleContext context, DefinedDeviceConfig config, Map<String, Object> properties,
            @Reference ModbusLines lines) {
        String id = config.id() == null ? "" : config.id().trim();
        Path file = resolve(config.definition(), properties.get("felix.fileinstall.filename"));
        DeviceDefinition definition;
        try {
            if (id.isEmpty() || config.host() == null || config.host().isBlank()) {
                throw new DefinitionException("id and host must be set");
            }
            definition = DefinitionParser.parse(Files.readString(file));
        } catch (DefinitionException | IOException e) {
            LOG.error("Device {}: definition {} not usable: {}", id, file, e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        Duration timeout = Duration.ofMillis(config.timeoutMillis());
        DeviceAccess access;
        if (definition.protocol() == DeviceDefinition.Protocol.MODBUS) {
            ModbusEndpoint endpoint = new ModbusEndpoint.Tcp(config.host().trim(),
                    config.port() == 0 ? 502 : config.port());
            line = lines.open(endpoint);
            access = new ModbusAccess(definition, line, endpoint, config.unitId(), timeout, clock);
        } else {
            line = null;
            try {
                access = new HttpAccess(definition, new URI("http", null, config.host().trim(),
                        config.port() == 0 ? 80 : config.port(), null, null, null), timeout);
            } catch (URISyntaxException e) {
                LOG.error("Device {}: host {} not usable", id, config.host());
                throw new IllegalArgumentException(e);
            }
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "definition-" + id);
            t.setDaemon(true);
            return t;
        });
        String name = config.name() == null || config.name().isBlank() ? definition.name() : config.name();
        Runnable poll;
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        if (definition.kind() == DeviceDefinition.Kind.METER) {
            DefinedMeter meter = new DefinedMeter(id, name, config.role(), definition, access, clock);
            poll = meter::pollOnce;
            serviceProperties.put(Meter.ID_PROPERTY, id);
            serviceProperties.put(Meter.ROLE_PROPERTY, config.role().name());
            serviceProperties.put(Evse.DRIVER_PROPERTY, DefinedMeter.DRIVER);
            registration = context.registerService(Meter.class, meter, serviceProperties);
        } else {
            DefinedWallbox wallbox = new DefinedWallbox(id, name, config.phases(), config.phaseRotation(),
                    (int) Math.round(config.minCurrentAmps() * 1000), (int) Math.round(config.maxCurrentAmps() * 1000),
                    definition, access, clock, task -> {
                        try {
                            thread.execute(task);
                        } catch (RejectedExecutionException stopping) {
                            // being deactivated
                        }
                    });
            poll = wallbox::pollOnce;
            serviceProperties.put(Evse.ID_PROPERTY, id);
            serviceProperties.put(Evse.DRIVER_PROPERTY, DefinedWallbox.DRIVER);
            registration = context.registerService(Evse.class, wallbox, serviceProperties);
        }
        thread.scheduleWithFixedDelay(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                LOG.error("Device {}: poll failed", id, e);
            }
        }, 0, config.pollIntervalMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Device {} ({} {}, {}) configured from {} at {}", id, definition.kind().name().toLowerCase(),
                definition.name(), definition.protocol(), file, access.address());
    }

    /** A relative path is taken from the directory of the configuration's file (FileInstall), else the working one. */
    static Path resolve(String definition, Object configFile) {
        Path path = Paths.get(definition == null ? "" : definition.trim());
        if (path.isAbsolute()) {
            return path;
        }
        if (configFile != null) {
            try {
                Path config = Paths.get(new URI(configFile.toString()));
                return config.resolveSibling(path);
            } catch (URISyntaxException | IllegalArgumentException e) {
                Path config = Paths.get(configFile.toString());
                return config.resolveSibling(path);
            }
        }
        return path.toAbsolutePath();
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line != null) {
            line.close();
        }
    }
}
