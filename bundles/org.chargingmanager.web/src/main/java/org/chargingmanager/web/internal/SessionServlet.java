package org.chargingmanager.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.web.internal.i18n.Messages;
import org.chargingmanager.web.internal.session.Cookies;
import org.chargingmanager.web.internal.session.LoginThrottle;
import org.chargingmanager.web.internal.session.SessionStore;
import org.chargingmanager.web.internal.session.WebSession;
import org.chargingmanager.web.internal.session.WebSessions;
import org.chargingmanager.api.platform.UserMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

/**
 * The web UI's login: {@code POST /api/v1/session} with {@code {"username", "password"}} (JSON
 * only, which a cross-site form cannot send) sets the session cookie and answers the CSRF token;
 * {@code GET} answers who is logged in (401 if nobody); {@code DELETE} logs out. Wrong passwords
 * lock the client out for a growing time ({@link LoginThrottle}): 429 with {@code Retry-After}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ui-session")
@HttpWhiteboardServletPattern(SecuredContext.SESSION_PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionServlet.class);

    private final transient AdminAuthenticator authenticator;
    private final transient SessionStore sessions;
    private final transient LoginThrottle throttle;

    @Activate
    public SessionServlet(@Reference AdminAuthenticator authenticator, @Reference WebSessions webSessions) {
        this.authenticator = authenticator;
        this.sessions = webSessions.store();
        this.throttle = webSessions.throttle();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WebSession> session = sessions.find(Cookies.sessionId(request));
        if (session.isEmpty()) {
            JsonResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED, UserMessage.of("auth.notLoggedIn", "not logged in"));
            return;
        }
        JsonResponses.write(response, HttpServletResponse.SC_OK, body(session.get()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonResponses.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, JsonResponses.mediaType("the login"));
            return;
        }
        String address = request.getRemoteAddr();
        Duration locked = throttle.lockedFor(address);
        if (!locked.isZero()) {
            tooMany(response, locked);
            return;
        }
        String username;
        String password;
        try {
            JsonObject body = JsonResponses.readObject(request);
            username = JsonResponses.string(body, "username");
            password = JsonResponses.string(body, "password");
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        if (username == null || username.isBlank()) {
            JsonResponses.fieldError(response, "username", UserMessage.of("login.userMissing", "enter the user name"));
            return;
        }
        if (password == null || password.isEmpty()) {
            JsonResponses.fieldError(response, "password", UserMessage.of("login.passwordMissing", "enter the password"));
            return;
        }
        if (!authenticator.authenticate(username, password.toCharArray())) {
            Duration lock = throttle.failed(address);
            LOG.warn("Web UI: wrong user name or password for user '{}' from {}{}", username, address,
                    lock.isZero() ? "" : "; locked out for " + lock.toSeconds() + " s");
            if (!lock.isZero()) {
                tooMany(response, lock);
            } else {
                JsonResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED,
                        UserMessage.of("auth.wrong", "wrong user name or password"));
            }
            return;
        }
        throttle.succeeded(address);
        sessions.remove(Cookies.sessionId(request));
        WebSession session = sessions.create(username);
        Cookies.set(request, response, session.id());
        LOG.info("Web UI: user '{}' logged in from {}", username, address);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body(session));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object session = request.getAttribute(SecuredContext.SESSION_ATTRIBUTE);
        if (session instanceof WebSession webSession) {
            sessions.remove(webSession.id());
            LOG.info("Web UI: user '{}' logged out from {}", webSession.user(), request.getRemoteAddr());
        }
        Cookies.clear(request, response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void tooMany(HttpServletResponse response, Duration lock) throws IOException {
        long seconds = Math.max(1, (lock.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        JsonObject body = Messages.json(UserMessage.of("auth.locked", "too many wrong passwords: try again in " + seconds + " s",
                seconds));
        body.addProperty("retryAfterSeconds", seconds);
        JsonResponses.write(response, 429, body);
    }

    private static JsonObject body(WebSession session) {
        JsonObject json = new JsonObject();
        json.addProperty("user", session.user());
        json.addProperty("csrfToken", session.csrfToken());
        return json;
    }
}
