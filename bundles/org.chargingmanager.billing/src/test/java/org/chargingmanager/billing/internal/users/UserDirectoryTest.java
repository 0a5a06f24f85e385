package org.chargingmanager.billing.internal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.billing.internal.db.Backend;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.users.UserAuthorizerConfig.UnknownTagPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static User alice() {
        return new User("alice", "Alice Müller, \"Ali\"", List.of("04a1b2c3", "DEADBEEF"), List.of("1234"),
                Set.of(), 2, null, false);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usersAreSavedFoundByTokenUpdatedAndDeleted(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        try (Database database = backend.open(url)) {
            JdbcUserDirectory users = new JdbcUserDirectory(database);
            users.save(alice());
            users.save(new User("bob", "Bob", List.of("B0B"), List.of(), Set.of("garage-1", "garage-2"), 0,
                    Instant.parse("2027-01-01T00:00:00Z"), true));

            assertThat(users.list()).extracting(User::id).containsExactly("alice", "bob");
            User bob = users.find("bob").orElseThrow();
            assertThat(bob.allowedEvseIds()).containsExactlyInAnyOrder("garage-1", "garage-2");
            assertThat(bob.expiry()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(bob.blocked()).isTrue();
            assertThat(users.findByToken("04A1B2C3")).map(User::id).contains("alice");
            assertThat(users.findByToken("deadbeef")).map(User::id).contains("alice");
            assertThat(users.findByToken("1234")).map(User::id).contains("alice");
            assertThat(users.findByToken("b0b")).map(User::id).contains("bob");
            assertThat(users.findByToken("nobody")).isEmpty();
            assertThat(users.find("alice")).contains(new User("alice", "Alice Müller, \"Ali\"",
                    List.of("04a1b2c3", "DEADBEEF"), List.of("1234"), Set.of(), 2, null, false));

            assertThatThrownBy(() -> users.save(new User("carol", "Carol", List.of("deadBEEF"), List.of(), Set.of(), 0,
                    null, false))).isInstanceOf(UserDirectoryException.class).hasMessageContaining("alice");
            assertThat(users.find("carol")).isEmpty();

            users.save(new User("alice", "Alice", List.of("CAFE"), List.of(), Set.of("garage-1"), 1, null, false));
            assertThat(users.findByToken("DEADBEEF")).isEmpty();
            assertThat(users.findByToken("cafe")).map(User::name).contains("Alice");
        }
        try (Database database = backend.open(url)) {
            JdbcUserDirectory users = new JdbcUserDirectory(database);
            assertThat(users.find("alice").orElseThrow().allowedEvseIds()).containsExactly("garage-1");
            assertThat(users.delete("alice")).isTrue();
            assertThat(users.delete("alice")).isFalse();
            assertThat(users.findByToken("CAFE")).isEmpty();
            assertThat(users.list()).extracting(User::id).containsExactly("bob");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void authorizationAnswersWhatOcppNeeds(Backend backend) throws Exception {
        try (Database database = backend.open(backend.newDatabaseUrl())) {
            JdbcUserDirectory users = new JdbcUserDirectory(database);
            users.save(alice());
            users.save(new User("blocked", "B", List.of("BL0CK"), List.of(), Set.of(), 0, null, true));
            users.save(new User("expired", "E", List.of("0LD"), List.of(), Set.of(), 0, NOW, false));
            users.save(new User("later", "L", List.of("NEW"), List.of(), Set.of(), 0, NOW.plusSeconds(1), false));
            users.save(new User("garage", "G", List.of("GARAGE"), List.of(), Set.of("garage-1"), 0, null, false));
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            UserAuthorizer reject = new UserAuthorizer(users, UnknownTagPolicy.REJECT, clock);
            UserAuthorizer accept = new UserAuthorizer(users, UnknownTagPolicy.ACCEPT_ANONYMOUS, clock);

            assertThat(reject.authorize("04A1B2C3", "garage-1"))
                    .isEqualTo(new Authorization(AuthorizationStatus.ACCEPTED, "alice", null, null));
            assertThat(reject.authorize("1234", null).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
            assertThat(reject.authorize("bl0ck", "garage-1"))
                    .isEqualTo(new Authorization(AuthorizationStatus.BLOCKED, "blocked", null, null));
            assertThat(reject.authorize("0LD", "garage-1").status()).isEqualTo(AuthorizationStatus.EXPIRED);
            assertThat(reject.authorize("NEW", "garage-1"))
                    .isEqualTo(new Authorization(AuthorizationStatus.ACCEPTED, "later", NOW.plusSeconds(1), null));
            assertThat(reject.authorize("GARAGE", "garage-1").status()).isEqualTo(AuthorizationStatus.ACCEPTED);
            assertThat(reject.authorize("GARAGE", "carport-1").status()).isEqualTo(AuthorizationStatus.INVALID);
            assertThat(reject.authorize("GARAGE", null).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
            assertThat(reject.authorize("UNKNOWN", "garage-1"))
                    .isEqualTo(new Authorization(AuthorizationStatus.INVALID, null, null, null));
            assertThat(accept.authorize("UNKNOWN", "garage-1"))
                    .isEqualTo(new Authorization(AuthorizationStatus.ACCEPTED, null, null, null));
            assertThat(accept.authorize("", "garage-1").status()).isEqualTo(AuthorizationStatus.INVALID);
            assertThat(accept.authorize("BL0CK", "garage-1").status()).isEqualTo(AuthorizationStatus.BLOCKED);
        }
    }
}
