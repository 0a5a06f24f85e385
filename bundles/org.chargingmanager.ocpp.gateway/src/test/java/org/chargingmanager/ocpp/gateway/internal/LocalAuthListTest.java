package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.chargingmanager.ocpp.v16.SendLocalListRequest;
import org.chargingmanager.ocpp.v16.UpdateStatus;
import org.chargingmanager.ocpp.v16.UpdateType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SendLocalList (OCPP 1.6 §3.5.2) and the offline decision it takes part in (§3.5.3, §3.5.4). */
class LocalAuthListTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;

    private static AuthorizationData entry(String tag, AuthorizationStatus status, Instant expiry) {
        return new AuthorizationData(tag, new IdTagInfo(expiry, null, status));
    }

    @Test
    void fullAndDifferentialUpdatesWithVersionsSurviveARestart() {
        Path file = directory.resolve("CB.locallist");
        LocalAuthList list = new LocalAuthList(file);
        assertThat(list.version()).isZero();
        assertThat(list.apply(new SendLocalListRequest(3, List.of(entry("A", AuthorizationStatus.ACCEPTED, null),
                entry("B", AuthorizationStatus.BLOCKED, null)), UpdateType.FULL))).isEqualTo(UpdateStatus.ACCEPTED);
        assertThat(list.apply(new SendLocalListRequest(3, List.of(entry("C", AuthorizationStatus.ACCEPTED, null)),
                UpdateType.DIFFERENTIAL))).as("a differential update needs a newer version")
                .isEqualTo(UpdateStatus.VERSION_MISMATCH);
        assertThat(list.apply(new SendLocalListRequest(4, List.of(entry("C", AuthorizationStatus.ACCEPTED,
                NOW.minusSeconds(1)), new AuthorizationData("A", null)), UpdateType.DIFFERENTIAL)))
                .isEqualTo(UpdateStatus.ACCEPTED);
        assertThat(list.apply(new SendLocalListRequest(5, List.of(new AuthorizationData("X", null)), UpdateType.FULL)))
                .as("a full list names every tag's status").isEqualTo(UpdateStatus.FAILED);

        LocalAuthList reread = new LocalAuthList(file);
        assertThat(reread.version()).isEqualTo(4);
        assertThat(reread.lookup("a", NOW)).as("removed by the differential update").isEmpty();
        assertThat(reread.lookup("b", NOW)).contains(AuthorizationStatus.BLOCKED);
        assertThat(reread.lookup("C", NOW)).as("expired by its date").contains(AuthorizationStatus.EXPIRED);

        assertThat(reread.apply(new SendLocalListRequest(9, List.of(), UpdateType.FULL))).isEqualTo(UpdateStatus.ACCEPTED);
        assertThat(reread.version()).as("an empty full list: no list").isZero();
    }

    @Test
    void theListWinsOverCacheAndPolicyOffline() {
        LocalAuthList list = new LocalAuthList(directory.resolve("CB.locallist"));
        list.apply(new SendLocalListRequest(1, List.of(entry("LISTED", AuthorizationStatus.ACCEPTED, null),
                entry("BLOCKED", AuthorizationStatus.BLOCKED, null)), UpdateType.FULL));
        OfflineAuthorizer acceptAll = new OfflineAuthorizer(OfflineAuthorization.ACCEPT, list, "");
        assertThat(acceptAll.decide("BLOCKED", false, NOW)).as("§3.5.4: not Accepted on the list is refused")
                .isEqualTo(AuthorizationStatus.BLOCKED);
        assertThat(acceptAll.decide("ANYONE", false, NOW)).isEqualTo(AuthorizationStatus.ACCEPTED);

        OfflineAuthorizer known = new OfflineAuthorizer(OfflineAuthorization.ACCEPT_KNOWN, list, "FIXED");
        assertThat(known.decide("LISTED", false, NOW)).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(known.decide("FIXED", false, NOW)).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(known.decide("SEEN", false, NOW)).isEqualTo(AuthorizationStatus.INVALID);
        known.backendSaid("SEEN", AuthorizationStatus.ACCEPTED);
        assertThat(known.decide("SEEN", false, NOW)).as("the cache").isEqualTo(AuthorizationStatus.ACCEPTED);
        known.backendSaid("BLOCKED", AuthorizationStatus.ACCEPTED);
        assertThat(known.decide("BLOCKED", false, NOW)).as("§3.5.3: the list wins over the cache")
                .isEqualTo(AuthorizationStatus.BLOCKED);
        known.clearCache();
        assertThat(known.decide("SEEN", false, NOW)).isEqualTo(AuthorizationStatus.INVALID);

        OfflineAuthorizer refuse = new OfflineAuthorizer(OfflineAuthorization.REFUSE, list, "FIXED");
        assertThat(refuse.decide("FIXED", false, NOW)).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(refuse.decide("LISTED", false, NOW)).isEqualTo(AuthorizationStatus.ACCEPTED);
    }
}
