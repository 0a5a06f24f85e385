package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.BasicCredentials;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.web.internal.session.Cookies;
import org.chargingmanager.web.internal.session.SessionStore;
import org.chargingmanager.web.internal.session.WebSession;
import org.chargingmanager.web.internal.session.WebSessions;
import org.chargingmanager.api.platform.UserMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard context of every charging manager endpoint. A request passes with
 * <ul>
 * <li>HTTP Basic with the admin account (scripts, the grid operator), unless a browser marks a
 * state-changing one as cross-site ({@code Sec-Fetch-Site: cross-site}), or</li>
 * <li>the web UI's session cookie; a state-changing request (anything but GET, HEAD, OPTIONS)
 * must then also carry the session's CSRF token in {@value SessionStore#CSRF_HEADER}, else 403.</li>
 * </ul>
 * Open without either: the web UI's files ({@code GET /chargingmanager/...}) and the login
 * ({@code /api/v1/session}). Anything else answers 401 with a JSON error; the Basic challenge is
 * left out for the web UI's own requests ({@code X-Requested-With}) so the browser shows no
 * password dialog of its own.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = WebContext.NAME, path = "/")
public class SecuredContext extends ServletContextHelper {

    static final String REALM = "Charging Manager";
    static final String UI_PATH = "/chargingmanager";
    static final String SESSION_PATH = "/api/v1/session";
    /** Request attribute holding the {@link WebSession} of a request authenticated by cookie. */
    public static final String SESSION_ATTRIBUTE = "org.chargingmanager.web.session";
    private static final Logger LOG = LoggerFactory.getLogger(SecuredContext.class);

    private final AdminAuthenticator authenticator;
    private final SessionStore sessions;

    @Activate
    public SecuredContext(@Reference AdminAuthenticator authenticator, @Reference WebSessions webSessions) {
        this.authenticator = authenticator;
        this.sessions = webSessions.store();
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (isOpen(path, method)) {
            return true;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isPresent()) {
            if (!authenticator.authenticate(credentials.get().username(), credentials.get().password())) {
                LOG.warn("HTTP API: wrong user name or password for user '{}' from {} ({} {})",
                        credentials.get().username(), request.getRemoteAddr(), method, path);
                return unauthorized(request, response, UserMessage.of("auth.wrong", "wrong user name or password"));
            }
            if (changesState(method) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
                LOG.warn("HTTP API: refused a cross-site {} {} from {}", method, path, request.getRemoteAddr());
                JsonResponses.error(response, HttpServletResponse.SC_FORBIDDEN, UserMessage.of("crossSite", "cross-site request refused"));
                return false;
            }
            request.setAttribute(WebContext.USER_ATTRIBUTE, credentials.get().username());
            return true;
        }
        Optional<WebSession> session = sessions.find(Cookies.sessionId(request));
        if (session.isPresent()) {
            if (changesState(method) && !SessionStore.csrfMatches(session.get(), request.getHeader(SessionStore.CSRF_HEADER))) {
                LOG.warn("Web UI: refused {} {} from {} without a valid CSRF token", method, path, request.getRemoteAddr());
                JsonResponses.error(response, HttpServletResponse.SC_FORBIDDEN, UserMessage.of("csrf",
                        "missing or wrong CSRF token (header " + SessionStore.CSRF_HEADER + ")"));
                return false;
            }
            request.setAttribute(WebContext.USER_ATTRIBUTE, session.get().user());
            request.setAttribute(SESSION_ATTRIBUTE, session.get());
            return true;
        }
        return unauthorized(request, response, UserMessage.of("auth.required", "authentication required"));
    }

    private static boolean unauthorized(HttpServletRequest request, HttpServletResponse response, UserMessage message)
            throws IOException {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        JsonResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED, message);
        return false;
    }

    static boolean changesState(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** The UI's static files and the login need no authentication. */
    static boolean isOpen(String path, String method) {
        if (path == null) {
            return false;
        }
        if (path.equals(SESSION_PATH)) {
            return "POST".equals(method) || "GET".equals(method);
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return read && (path.equals("/") || path.equals(UI_PATH) || path.startsWith(UI_PATH + "/"));
    }
}
