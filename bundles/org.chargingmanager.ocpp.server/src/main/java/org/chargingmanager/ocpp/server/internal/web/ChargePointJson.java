package org.chargingmanager.ocpp.server.internal.web;

import java.util.List;

import org.chargingmanager.ocpp.server.ChargePointStatus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@link ChargePointStatus} as the HTTP API shows it. */
final class ChargePointJson {

    private ChargePointJson() {
    }

    static JsonObject list(List<ChargePointStatus> chargePoints) {
        JsonArray array = new JsonArray();
        chargePoints.forEach(status -> array.add(of(status)));
        JsonObject reply = new JsonObject();
        reply.add("chargePoints", array);
        return reply;
    }

    static JsonObject of(ChargePointStatus status) {
        JsonObject json = new JsonObject();
        json.addProperty("chargeBoxId", status.chargeBoxId());
        json.addProperty("connected", status.connected());
        json.addProperty("registration", status.registration());
        json.addProperty("vendor", status.vendor());
        json.addProperty("model", status.model());
        json.addProperty("firmwareVersion", status.firmwareVersion());
        JsonArray connectors = new JsonArray();
        status.connectorIds().forEach(connectors::add);
        json.add("connectorIds", connectors);
        json.addProperty("lastMessageAt", status.lastMessageAt() == null ? null : status.lastMessageAt().toString());
        json.addProperty("chargingProfileKind", status.chargingProfileKind());
        json.addProperty("firmwareStatus", status.firmwareStatus());
        json.addProperty("diagnosticsStatus", status.diagnosticsStatus());
        json.addProperty("securityProfile", status.securityProfile());
        json.addProperty("minimumSecurityProfile", status.minimumSecurityProfile());
        return json;
    }
}
