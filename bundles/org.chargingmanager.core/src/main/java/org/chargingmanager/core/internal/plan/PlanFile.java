package org.chargingmanager.core.internal.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans on disk: {@code charging-plans.properties} in the data directory, written whole to a
 * temporary file and moved over the old one, so a crash leaves the old or the new file, never
 * half of one. A plan that cannot be read is left out and logged.
 */
final class PlanFile {

    /** A stored plan: the request and the car's energy register when its plan began, or {@code null}. */
    record Stored(ChargingPlanRequest request, Double startRegisterWattHours) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlanFile.class);
    private final Path file;

    PlanFile(Path directory) {
        this.file = directory.resolve("charging-plans.properties");
    }

    Map<String, Stored> read() {
        Map<String, Stored> plans = new TreeMap<>();
        if (!Files.exists(file)) {
            return plans;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Charging plans in {} cannot be read, starting without plans: {}", file, e.toString());
            return plans;
        }
        for (int index = 0; properties.containsKey("plan." + index + ".evseId"); index++) {
            String prefix = "plan." + index + ".";
            try {
                ChargingPlanRequest request = new ChargingPlanRequest(properties.getProperty(prefix + "evseId"),
                        Double.parseDouble(properties.getProperty(prefix + "energyWattHours", "")),
                        Instant.parse(properties.getProperty(prefix + "deadline", "")));
                String start = properties.getProperty(prefix + "startRegisterWattHours");
                plans.put(request.evseId(), new Stored(request, start == null || start.isBlank() ? null
                        : Double.valueOf(start)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                LOG.error("Charging plan {} in {} is left out: {}", index, file, e.getMessage());
            }
        }
        return plans;
    }

    void write(Map<String, Stored> plans) throws IOException {
        Properties properties = new Properties();
        int index = 0;
        for (Stored plan : plans.values()) {
            String prefix = "plan." + index++ + ".";
            properties.setProperty(prefix + "evseId", plan.request().evseId());
            properties.setProperty(prefix + "energyWattHours", Double.toString(plan.request().energyWattHours()));
            properties.setProperty(prefix + "deadline", plan.request().deadline().toString());
            if (plan.startRegisterWattHours() != null) {
                properties.setProperty(prefix + "startRegisterWattHours", Double.toString(plan.startRegisterWattHours()));
            }
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Charging plans (written by the charging manager)");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
