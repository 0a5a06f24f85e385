package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.billing.internal.log.NotOpenTransactionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * {@code GET /api/v1/transactions?from=&to=&evse=&user=&offset=0&limit=100}: one page of the
 * transaction log as JSON, oldest first, with {@code next} the offset of the next page (or null).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-transactions-json")
@HttpWhiteboardServletPattern(TransactionsJsonServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class TransactionsJsonServlet extends HttpServlet {

    static final String PATH = "/api/v1/transactions";
    private static final long serialVersionUID = 1L;
    private static final Set<String> PARAMETERS = Set.of("from", "to", "evse", "user", "offset", "limit");

    private final transient TransactionLog log;

    @Activate
    public TransactionsJsonServlet(@Reference(target = NotOpenTransactionLog.REAL_LOG_ONLY) TransactionLog log) {
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionQuery query;
        int limit;
        try {
            Parameters parameters = new Parameters(request.getParameterMap(), PARAMETERS, ZoneId.systemDefault());
            long offset = parameters.number("offset", 0, 0, Long.MAX_VALUE / 2);
            limit = (int) parameters.number("limit", Parameters.DEFAULT_LIMIT, 1, Parameters.MAX_LIMIT);
            // one more than asked for tells whether there is a next page
            query = parameters.query(offset, limit + 1);
        } catch (BadParameterException e) {
            JsonErrors.badParameter(response, e);
            return;
        }
        List<Transaction> page = new ArrayList<>(limit + 1);
        try {
            log.stream(query, page::add);
        } catch (TransactionLogException e) {
            JsonErrors.unavailable(response, e.getMessage());
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("offset", query.offset());
        body.addProperty("limit", limit);
        if (page.size() > limit) {
            page.remove(limit);
            body.addProperty("next", query.offset() + limit);
        } else {
            body.add("next", JsonNull.INSTANCE);
        }
        JsonArray transactions = new JsonArray();
        for (Transaction t : page) {
            transactions.add(json(t));
        }
        body.add("transactions", transactions);
        JsonErrors.write(response, HttpServletResponse.SC_OK, body);
    }

    static JsonObject json(Transaction t) {
        JsonObject json = new JsonObject();
        json.addProperty("id", t.id());
        json.addProperty("evseId", t.evseId());
        json.addProperty("chargeBoxId", t.chargeBoxId());
        json.addProperty("connectorId", t.connectorId());
        json.addProperty("userId", t.userId());
        json.addProperty("idTag", t.idTag());
        json.addProperty("start", t.start().toString());
        json.addProperty("end", t.end() == null ? null : t.end().toString());
        json.addProperty("meterStartWattHours", t.meterStartWattHours());
        json.addProperty("meterStopWattHours", t.meterStopWattHours());
        if (t.open()) {
            json.add("energyWattHours", JsonNull.INSTANCE);
        } else {
            json.addProperty("energyWattHours", t.energyWattHours());
        }
        json.addProperty("stopReason", t.stopReason());
        json.addProperty("signatureStatus", t.signatureStatus().name());
        JsonArray signed = new JsonArray();
        for (SignedMeterValue value : t.signedMeterValues()) {
            JsonObject v = new JsonObject();
            v.addProperty("rawData", value.rawData());
            v.addProperty("context", value.context());
            v.addProperty("receivedAt", value.receivedAt().toString());
            v.addProperty("status", value.status().name());
            v.addProperty("reason", value.reason());
            signed.add(v);
        }
        json.add("signedMeterValues", signed);
        TransactionCost cost = t.cost();
        json.addProperty("cost", cost.cost());
        json.addProperty("currency", cost.currency());
        JsonArray slots = new JsonArray();
        for (PricedEnergy slot : cost.slots()) {
            JsonObject s = new JsonObject();
            s.addProperty("start", slot.start().toString());
            s.addProperty("end", slot.end().toString());
            s.addProperty("pricePerKilowattHour", slot.pricePerKilowattHour());
            s.addProperty("energyWattHours", Math.round(slot.energyWattHours() * 1000) / 1000.0);
            slots.add(s);
        }
        json.add("priceSlots", slots);
        json.addProperty("unpricedEnergyWattHours", Math.round(cost.unpricedEnergyWattHours() * 1000) / 1000.0);
        return json;
    }
}
