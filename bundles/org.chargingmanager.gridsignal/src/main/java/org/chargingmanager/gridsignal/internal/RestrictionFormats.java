package org.chargingmanager.gridsignal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.grid.Restriction;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** The restriction log as CSV (RFC 4180, UTC times) and JSON, and the sources' status as JSON. */
final class RestrictionFormats {

    static final String CSV_HEADER = "id,source,kind,start,end,duration_s,requested_limit,unit,failsafe,"
            + "min_power_w,avg_power_w,max_power_w,samples";

    private RestrictionFormats() {
    }

    static String csv(List<Restriction> restrictions) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Restriction r : restrictions) {
            csv.append(r.id()).append(',').append(quote(r.sourceId())).append(',').append(quote(r.kind())).append(',')
                    .append(r.start()).append(',').append(r.end() == null ? "" : r.end().toString()).append(',')
                    .append(r.end() == null ? "" : Long.toString(Duration.between(r.start(), r.end()).toSeconds()))
                    .append(',').append(GridSignalEngine.format(r.requestedLimit())).append(',').append(quote(r.unit()))
                    .append(',').append(r.failsafe()).append(',').append(watts(r.minPowerWatts())).append(',')
                    .append(watts(r.avgPowerWatts())).append(',').append(watts(r.maxPowerWatts())).append(',')
                    .append(r.samples()).append("\r\n");
        }
        return csv.toString();
    }

    static JsonObject json(List<Restriction> restrictions) {
        JsonArray array = new JsonArray();
        for (Restriction r : restrictions) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", r.id());
            entry.addProperty("source", r.sourceId());
            entry.addProperty("kind", r.kind());
            entry.addProperty("start", r.start().toString());
            entry.add("end", r.end() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.end().toString()));
            entry.addProperty("requestedLimit", r.requestedLimit());
            entry.addProperty("unit", r.unit());
            entry.addProperty("failsafe", r.failsafe());
            entry.add("minPowerWatts", number(r.minPowerWatts()));
            entry.add("avgPowerWatts", number(r.avgPowerWatts()));
            entry.add("maxPowerWatts", number(r.maxPowerWatts()));
            entry.addProperty("samples", r.samples());
            array.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("restrictions", array);
        return body;
    }

    static JsonObject status(List<GridSourceStatus> sources) {
        JsonArray array = new JsonArray();
        for (GridSourceStatus s : sources) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", s.info().id());
            entry.addProperty("kind", s.info().kind());
            entry.addProperty("variable", s.info().variable());
            entry.addProperty("unit", s.info().unit());
            entry.add("value", number(s.effectiveValue()));
            entry.addProperty("restricting", s.restricting());
            entry.add("failsafeSince", s.failsafeSince() == null ? JsonNull.INSTANCE
                    : new JsonPrimitive(s.failsafeSince().toString()));
            Instant contact = s.signal().lastContact();
            entry.add("lastContact", contact == null ? JsonNull.INSTANCE : new JsonPrimitive(contact.toString()));
            entry.addProperty("detail", s.signal().detail());
            array.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("sources", array);
        return body;
    }

    private static String watts(double value) {
        return Double.isFinite(value) ? Long.toString(Math.round(value)) : "";
    }

    private static com.google.gson.JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
