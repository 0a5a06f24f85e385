package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

/**
 * The passed-through wallbox's own BootNotification, exactly as it sent it, kept in a file so the
 * gateway can boot towards the backend (and deliver its queue) after a restart before the wallbox
 * reconnects; without one, the configured identity. Runs on the gateway's thread.
 */
final class WallboxBootRecord {

    private static final Logger LOG = LoggerFactory.getLogger(WallboxBootRecord.class);

    private final String name;
    private final GatewaySettings settings;
    private final Path file;
    private String payload;

    WallboxBootRecord(GatewaySettings settings, Path file) {
        this.name = settings.chargeBoxId();
        this.settings = settings;
        this.file = file;
        try {
            if (Files.exists(file)) {
                payload = Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            LOG.warn("chargeBox={} cannot read {}: {}", name, file.getFileName(), e.toString());
        }
    }

    /** Whether the wallbox's own BootNotification is known. */
    boolean known() {
        return payload != null;
    }

    /** Keeps the wallbox's BootNotification (written only when it changed). */
    void remember(String payloadJson) {
        if (payloadJson.equals(payload)) {
            return;
        }
        payload = payloadJson;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, payloadJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("chargeBox={} cannot keep the wallbox's BootNotification in {}: {}", name, file.getFileName(),
                    e.toString());
        }
    }

    /** The BootNotification to send: the wallbox's own, else the configured identity. */
    String payload() {
        return payload != null ? payload : fallback();
    }

    /** The wallbox never booted since it was configured here (e.g. it booted before): the configured identity. */
    private String fallback() {
        JsonObject boot = new JsonObject();
        boot.addProperty("chargePointVendor",
                settings.chargePointVendor().isEmpty() ? "Charging Manager" : settings.chargePointVendor());
        boot.addProperty("chargePointModel",
                settings.chargePointModel().isEmpty() ? "OCPP wallbox" : settings.chargePointModel());
        return boot.toString();
    }
}
