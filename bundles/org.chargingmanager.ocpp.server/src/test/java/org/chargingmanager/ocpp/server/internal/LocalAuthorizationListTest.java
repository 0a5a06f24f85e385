package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.billing.User;
import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.junit.jupiter.api.Test;

class LocalAuthorizationListTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant NEXT_YEAR = Instant.parse("2027-11-22T12:00:00Z");

    @Test
    void usersWhoMayChargeHereAreAcceptedBlockedAndExpiredOnesAreListedAsSuch() {
        List<User> users = List.of(
                new User("alice", "Alice", List.of("RFID-ALICE"), List.of("4711"), Set.of(), 0, NEXT_YEAR, false),
                new User("bob", "Bob", List.of("RFID-BOB"), List.of(), Set.of("ocpp-CB1-2"), 0, null, false),
                new User("carol", "Carol", List.of("RFID-CAROL"), List.of(), Set.of("ocpp-OTHER-1"), 0, null, false),
                new User("dave", "Dave", List.of("RFID-DAVE"), List.of(), Set.of(), 0, null, true),
                new User("erin", "Erin", List.of("RFID-ERIN", "X".repeat(21)), List.of(), Set.of(), 0, NOW, false));

        LocalAuthorizationList list = LocalAuthorizationList.of(users, Set.of("ocpp-CB1-1", "ocpp-CB1-2"), NOW);

        assertThat(list.entries()).containsExactly(
                new AuthorizationData("4711", new IdTagInfo(NEXT_YEAR, null, AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("RFID-ALICE", new IdTagInfo(NEXT_YEAR, null, AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("RFID-BOB", new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("RFID-DAVE", new IdTagInfo(null, null, AuthorizationStatus.BLOCKED)),
                new AuthorizationData("RFID-ERIN", new IdTagInfo(null, null, AuthorizationStatus.EXPIRED)));
        assertThat(list.skippedTokens()).isEqualTo(1);
    }

    @Test
    void aTagIsListedOnceWhateverItsCase() {
        List<User> users = List.of(new User("a", "", List.of("abc", "ABC"), List.of(), Set.of(), 0, null, false));

        assertThat(LocalAuthorizationList.of(users, Set.of(), NOW).entries()).extracting(AuthorizationData::idTag)
                .containsExactly("abc");
    }
}
