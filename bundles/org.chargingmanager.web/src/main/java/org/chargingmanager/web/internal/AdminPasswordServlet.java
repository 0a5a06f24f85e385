package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Arrays;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.WebContext;
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
 * {@code PUT /api/v1/admin/password} with {@code {"currentPassword", "newPassword"}}: changes the
 * admin password and ends every other web UI session. 400 names the field that is wrong.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-admin-password")
@HttpWhiteboardServletPattern(AdminPasswordServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class AdminPasswordServlet extends HttpServlet {

    static final String PATH = "/api/v1/admin/password";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminPasswordServlet.class);

    private final transient AdminAuthenticator authenticator;
    private final transient SessionStore sessions;

    @Activate
    public AdminPasswordServlet(@Reference AdminAuthenticator authenticator, @Reference WebSessions webSessions) {
        this.authenticator = authenticator;
        this.sessions = webSessions.store();
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String current;
        String next;
        try {
            JsonObject body = JsonResponses.readObject(request);
            current = JsonResponses.string(body, "currentPassword");
            next = JsonResponses.string(body, "newPassword");
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        if (current == null || current.isEmpty()) {
            JsonResponses.fieldError(response, "currentPassword", UserMessage.of("password.currentMissing", "enter the current password"));
            return;
        }
        if (next == null) {
            JsonResponses.fieldError(response, "newPassword", UserMessage.of("password.newMissing", "enter the new password"));
            return;
        }
        char[] currentChars = current.toCharArray();
        char[] nextChars = next.toCharArray();
        try {
            if (!authenticator.changePassword(currentChars, nextChars)) {
                LOG.warn("Admin password not changed from {}: wrong current password", request.getRemoteAddr());
                JsonResponses.fieldError(response, "currentPassword", UserMessage.of("password.currentWrong", "the current password is wrong"));
                return;
            }
        } catch (IllegalArgumentException e) {
            JsonResponses.fieldError(response, "newPassword", newPasswordRule(e.getMessage()));
            return;
        } finally {
            Arrays.fill(currentChars, '\0');
            Arrays.fill(nextChars, '\0');
        }
        Object session = request.getAttribute(SecuredContext.SESSION_ATTRIBUTE);
        sessions.removeAllExcept(session instanceof WebSession webSession ? webSession.id() : "");
        LOG.info("Admin password changed by {} from {}", request.getAttribute(WebContext.USER_ATTRIBUTE),
                request.getRemoteAddr());
        JsonObject body = new JsonObject();
        body.addProperty("changed", true);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    /** The account's rule for new passwords, with a message key. */
    static UserMessage newPasswordRule(String english) {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile(".*at least (\\d+) characters").matcher(english);
        if (length.matches()) {
            return UserMessage.of("password.tooShort", english, Integer.valueOf(length.group(1)));
        }
        return UserMessage.of(english.contains("blank") ? "password.blank" : "password.rule", english, english);
    }
}
