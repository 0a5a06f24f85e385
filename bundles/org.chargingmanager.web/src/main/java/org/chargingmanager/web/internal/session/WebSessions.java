package org.chargingmanager.web.internal.session;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;

/**
 * The one {@link SessionStore} and {@link LoginThrottle} of the web bundle, shared by the
 * security context and the login servlet.
 */
@Component(service = WebSessions.class)
public class WebSessions {

    private final SessionStore store;
    private final LoginThrottle throttle;

    public WebSessions() {
        this(Clock.systemUTC());
    }

    WebSessions(Clock clock) {
        this.store = new SessionStore(clock);
        this.throttle = new LoginThrottle(clock);
    }

    public SessionStore store() {
        return store;
    }

    public LoginThrottle throttle() {
        return throttle;
    }
}
