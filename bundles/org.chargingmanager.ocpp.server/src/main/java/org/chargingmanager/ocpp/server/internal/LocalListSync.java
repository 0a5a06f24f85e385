package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.chargingmanager.api.billing.User;
import org.chargingmanager.ocpp.server.LocalListSynchronization;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.GetConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.GetConfigurationRequest;
import org.chargingmanager.ocpp.v16.GetLocalListVersionConfirmation;
import org.chargingmanager.ocpp.v16.GetLocalListVersionRequest;
import org.chargingmanager.ocpp.v16.SendLocalListConfirmation;
import org.chargingmanager.ocpp.v16.SendLocalListRequest;
import org.chargingmanager.ocpp.v16.UpdateStatus;
import org.chargingmanager.ocpp.v16.UpdateType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the user directory to a charge point as its local authorization list, so it
 * authorizes known cards while it is offline: reads {@code LocalAuthListEnabled},
 * {@code LocalAuthListMaxLength} and {@code SendLocalListMaxLength}, asks for the list version,
 * then sends a Full update with the next version, split into Differential updates (each with the
 * next version) where the charger takes fewer entries per message.
 */
final class LocalListSync {

    /** Failure code of an {@link OcppCallException} when the charger cannot take the list. */
    static final String REFUSED = "Refused";
    private static final Logger LOG = LoggerFactory.getLogger(LocalListSync.class);

    private LocalListSync() {
    }

    static CompletableFuture<LocalListSynchronization> synchronize(ChargePoint chargePoint, List<User> users) {
        Set<String> evseIds = chargePoint.status().connectorIds().stream()
                .map(connector -> OcppEvse.evseId(chargePoint.id(), connector)).collect(Collectors.toSet());
        LocalAuthorizationList list = LocalAuthorizationList.of(users, evseIds, Instant.now());
        return chargePoint.call(new GetConfigurationRequest(
                List.of("LocalAuthListEnabled", "LocalAuthListMaxLength", "SendLocalListMaxLength")))
                .thenCompose(configuration -> {
                    Map<String, String> keys = values(configuration);
                    if ("false".equalsIgnoreCase(keys.get("LocalAuthListEnabled"))) {
                        throw refused(chargePoint, "the charge point has its local list switched off (LocalAuthListEnabled=false)");
                    }
                    int maxLength = integer(keys.get("LocalAuthListMaxLength"), Integer.MAX_VALUE);
                    if (list.entries().size() > maxLength) {
                        throw refused(chargePoint, list.entries().size() + " ID tags, but the charge point holds at most "
                                + maxLength + " (LocalAuthListMaxLength)");
                    }
                    int perMessage = Math.max(1, integer(keys.get("SendLocalListMaxLength"), Integer.MAX_VALUE));
                    return chargePoint.call(new GetLocalListVersionRequest())
                            .thenCompose(version -> send(chargePoint, list, perMessage, version));
                });
    }

    private static CompletableFuture<LocalListSynchronization> send(ChargePoint chargePoint, LocalAuthorizationList list,
            int perMessage, Confirmation versionAnswer) {
        int current = ((GetLocalListVersionConfirmation) versionAnswer).listVersion();
        if (current < 0) {
            throw refused(chargePoint, "the charge point does not support a local list (GetLocalListVersion: -1)");
        }
        List<SendLocalListRequest> updates = new ArrayList<>();
        List<AuthorizationData> entries = list.entries();
        int version = current;
        for (int from = 0; from == 0 || from < entries.size(); from += perMessage) {
            List<AuthorizationData> chunk = entries.subList(from, Math.min(entries.size(), from + perMessage));
            updates.add(new SendLocalListRequest(++version, List.copyOf(chunk), from == 0 ? UpdateType.FULL : UpdateType.DIFFERENTIAL));
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SendLocalListRequest update : updates) {
            chain = chain.thenCompose(ignored -> chargePoint.call(update).thenAccept(answer -> {
                UpdateStatus status = ((SendLocalListConfirmation) answer).status();
                if (status != UpdateStatus.ACCEPTED) {
                    throw refused(chargePoint, "SendLocalList version " + update.listVersion() + " (" + update.updateType().wireValue()
                            + "): " + status.wireValue());
                }
            }));
        }
        int finalVersion = version;
        return chain.thenApply(ignored -> {
            LOG.info("chargeBox={} local list version {} sent: {} ID tags in {} message(s), {} too long for OCPP left out",
                    chargePoint.id(), finalVersion, entries.size(), updates.size(), list.skippedTokens());
            return new LocalListSynchronization(finalVersion, entries.size(), updates.size(), list.skippedTokens());
        });
    }

    private static Map<String, String> values(Confirmation confirmation) {
        Map<String, String> values = new HashMap<>();
        if (confirmation instanceof GetConfigurationConfirmation configuration && configuration.configurationKey() != null) {
            configuration.configurationKey().stream().filter(key -> key.value() != null)
                    .forEach(key -> values.put(key.key(), key.value().strip()));
        }
        return values;
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static OcppCallException refused(ChargePoint chargePoint, String why) {
        LOG.warn("chargeBox={} local list not sent: {}", chargePoint.id(), why);
        return new OcppCallException(REFUSED, why);
    }
}
