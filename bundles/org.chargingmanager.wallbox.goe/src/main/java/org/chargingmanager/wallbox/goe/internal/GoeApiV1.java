package org.chargingmanager.wallbox.goe.internal;

import static org.chargingmanager.wallbox.goe.internal.GoeJson.number;
import static org.chargingmanager.wallbox.goe.internal.GoeJson.text;

import org.chargingmanager.api.device.PhaseCurrents;

import com.google.gson.JsonObject;

/**
 * API v1: {@code GET /status} (every value a string; {@code eto} in 0.1 kWh; {@code nrg}: I in 0.1 A, P per phase in
 * 0.1 kW, total P in 0.01 kW), writes as {@code GET /mqtt?payload=key=value} answering the whole status.
 * The current is set with {@code amx}, which the box keeps in RAM: {@code amp} is written to its EEPROM and is never
 * used here. Pausing is {@code alw=0}.
 */
final class GoeApiV1 implements GoeApi {

    private final GoeHttp http;

    GoeApiV1(GoeHttp http) {
        this.http = http;
    }

    @Override
    public GoeApiVersion version() {
        return GoeApiVersion.V1;
    }

    @Override
    public GoeStatus status() throws GoeException {
        return parse(http.get("/status"));
    }

    private static GoeStatus parse(JsonObject json) throws GoeException {
        double[] nrg = GoeJson.energyArray(json);
        PhaseCurrents currents = new PhaseCurrents((int) Math.round(nrg[4] * 100), (int) Math.round(nrg[5] * 100),
                (int) Math.round(nrg[6] * 100));
        int card = (int) number(json, "uby", 0) - 1;
        return new GoeStatus((int) number(json, "car"), number(json, "alw") == 1, (int) number(json, "amp"), -1, -1,
                number(json, "eto") * 100, currents, nrg[11] * 10, card, text(json, "sse"), text(json, "fwv"));
    }

    @Override
    public void setAmps(int amps) throws GoeException {
        GoeStatus after = parse(http.get("/mqtt?payload=amx=" + amps));
        if (after.ampsSet() != amps) {
            throw GoeException.refused("the box reports amp " + after.ampsSet() + " after amx=" + amps
                    + " (firmware before 033 has no amx)");
        }
    }

    @Override
    public void setAllowed(boolean allowed) throws GoeException {
        GoeStatus after = parse(http.get("/mqtt?payload=alw=" + (allowed ? 1 : 0)));
        if (after.allowed() != allowed) {
            throw GoeException.refused("the box reports alw " + (after.allowed() ? 1 : 0) + " after alw="
                    + (allowed ? 1 : 0));
        }
    }

    @Override
    public void setPhaseMode(int phaseMode) throws GoeException {
        throw GoeException.refused("API v1 cannot switch phases");
    }
}
