package org.chargingmanager.billing.internal.users;

import java.time.Clock;
import java.util.Optional;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.billing.internal.users.UserAuthorizerConfig.UnknownTagPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers OCPP's Authorize from the user directory. When the database cannot be read it answers
 * Invalid (fails closed) and logs the error.
 */
@Component(service = Authorizer.class, configurationPid = UserAuthorizer.PID)
@Designate(ocd = UserAuthorizerConfig.class)
public class UserAuthorizer implements Authorizer {

    public static final String PID = "org.chargingmanager.billing.authorizer";
    private static final Logger LOG = LoggerFactory.getLogger(UserAuthorizer.class);

    private final UserDirectory users;
    private final Clock clock;
    private volatile UnknownTagPolicy unknownTags;

    @Activate
    public UserAuthorizer(@Reference UserDirectory users, UserAuthorizerConfig config) {
        this(users, config.unknownTags(), Clock.systemUTC());
    }

    public UserAuthorizer(UserDirectory users, UnknownTagPolicy unknownTags, Clock clock) {
        this.users = users;
        this.unknownTags = unknownTags;
        this.clock = clock;
    }

    @Modified
    void modified(UserAuthorizerConfig config) {
        unknownTags = config.unknownTags();
        LOG.info("Authorization: unknown RFID tags and PINs are now {}", unknownTags);
    }

    @Override
    public Authorization authorize(String idTag, String evseId) {
        Authorization answer = decide(idTag, evseId);
        LOG.info("Authorize id tag {} at EVSE {}: {}{}", idTag, evseId == null ? "(any)" : evseId, answer.status(),
                answer.userId() == null ? "" : " (user " + answer.userId() + ")");
        return answer;
    }

    private Authorization decide(String idTag, String evseId) {
        if (idTag == null || idTag.isBlank()) {
            return new Authorization(AuthorizationStatus.INVALID, null, null, null);
        }
        Optional<User> found;
        try {
            found = users.findByToken(idTag);
        } catch (UserDirectoryException e) {
            LOG.error("Authorize id tag {} at EVSE {}: user directory unavailable, answering Invalid: {}", idTag,
                    evseId, e.getMessage());
            return new Authorization(AuthorizationStatus.INVALID, null, null, null);
        }
        if (found.isEmpty()) {
            return unknownTags == UnknownTagPolicy.ACCEPT_ANONYMOUS
                    ? new Authorization(AuthorizationStatus.ACCEPTED, null, null, null)
                    : new Authorization(AuthorizationStatus.INVALID, null, null, null);
        }
        User user = found.get();
        if (user.blocked()) {
            return new Authorization(AuthorizationStatus.BLOCKED, user.id(), null, null);
        }
        if (user.expiry() != null && !clock.instant().isBefore(user.expiry())) {
            return new Authorization(AuthorizationStatus.EXPIRED, user.id(), user.expiry(), null);
        }
        if (!user.mayChargeAt(evseId)) {
            return new Authorization(AuthorizationStatus.INVALID, user.id(), null, null);
        }
        return new Authorization(AuthorizationStatus.ACCEPTED, user.id(), user.expiry(), null);
    }
}
