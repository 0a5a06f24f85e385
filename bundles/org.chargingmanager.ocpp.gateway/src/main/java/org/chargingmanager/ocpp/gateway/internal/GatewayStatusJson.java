package org.chargingmanager.ocpp.gateway.internal;

import java.util.Collection;
import java.util.Comparator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The operator view's JSON: {@code {"connections":[{...}]}}. Pure. */
public final class GatewayStatusJson {

    private GatewayStatusJson() {
    }

    public static String of(Collection<GatewayComponent> gateways) {
        JsonArray connections = new JsonArray();
        gateways.stream().map(GatewayComponent::status).sorted(Comparator.comparing(UpstreamStatus::chargeBoxId))
                .forEach(status -> connections.add(json(status)));
        JsonObject root = new JsonObject();
        root.add("connections", connections);
        return root.toString();
    }

    static JsonObject json(UpstreamStatus status) {
        JsonObject object = new JsonObject();
        object.addProperty("chargeBoxId", status.chargeBoxId());
        object.addProperty("url", status.url());
        object.addProperty("state", status.state().name());
        object.addProperty("connected", status.connected());
        object.addProperty("since", status.since().toString());
        object.addProperty("lastError", status.lastError());
        object.addProperty("queuedMessages", status.queuedMessages());
        object.addProperty("droppedMeterValues", status.droppedMeterValues());
        JsonArray connectors = new JsonArray();
        for (VirtualChargePoint.ConnectorView view : status.connectors()) {
            JsonObject connector = new JsonObject();
            connector.addProperty("connectorId", view.connectorId());
            connector.addProperty("evseId", view.evseId());
            connector.addProperty("status", view.status());
            connector.addProperty("transactionId", view.transactionId());
            connector.addProperty("capMilliamps", view.capMilliamps());
            connectors.add(connector);
        }
        object.add("connectors", connectors);
        return object;
    }
}
