package org.chargingmanager.wallbox.goe.internal;

import static org.chargingmanager.wallbox.goe.internal.GoeJson.number;
import static org.chargingmanager.wallbox.goe.internal.GoeJson.text;

import org.chargingmanager.api.device.PhaseCurrents;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * API v2: {@code GET /api/status?filter=...} (numbers as numbers; {@code nrg}: U L1..L3, N in V, I L1..L3 in A,
 * P L1..L3, N, total in W), {@code GET /api/set?key=value} answering {@code {"key": true}} or an error text per key.
 * Pausing is {@code frc=1} (off), charging {@code frc=0} (neutral: the box's own conditions, e.g. RFID, still apply).
 */
final class GoeApiV2 implements GoeApi {

    static final String STATUS = "/api/status?filter=car,alw,amp,frc,psm,eto,nrg,trx,sse,fwv";

    private final GoeHttp http;

    GoeApiV2(GoeHttp http) {
        this.http = http;
    }

    @Override
    public GoeApiVersion version() {
        return GoeApiVersion.V2;
    }

    @Override
    public GoeStatus status() throws GoeException {
        JsonObject json = http.get(STATUS);
        double[] nrg = GoeJson.energyArray(json);
        PhaseCurrents currents = new PhaseCurrents(milliamps(nrg[4]), milliamps(nrg[5]), milliamps(nrg[6]));
        JsonElement trx = json.get("trx");
        int card = trx == null || trx.isJsonNull() ? -1 : (int) number(json, "trx") - 1;
        return new GoeStatus((int) number(json, "car"), number(json, "alw") == 1, (int) number(json, "amp"),
                (int) number(json, "frc"), (int) number(json, "psm", -1), number(json, "eto"), currents, nrg[11],
                card, text(json, "sse"), text(json, "fwv"));
    }

    private static int milliamps(double amps) {
        return (int) Math.round(amps * 1000);
    }

    @Override
    public void setAmps(int amps) throws GoeException {
        set("amp", Integer.toString(amps));
    }

    @Override
    public void setAllowed(boolean allowed) throws GoeException {
        set("frc", allowed ? "0" : "1");
    }

    @Override
    public void setPhaseMode(int phaseMode) throws GoeException {
        set("psm", Integer.toString(phaseMode));
    }

    private void set(String key, String value) throws GoeException {
        JsonObject answer = http.get("/api/set?" + key + "=" + value);
        JsonElement result = answer.get(key);
        if (result == null || !result.isJsonPrimitive() || !result.getAsJsonPrimitive().isBoolean()
                || !result.getAsBoolean()) {
            throw GoeException.refused("the box refuses " + key + "=" + value + ": "
                    + GoeHttp.excerpt(String.valueOf(result)));
        }
    }
}
