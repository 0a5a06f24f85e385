package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.BasicCredentials;
import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard context of every charging manager endpoint: HTTP Basic authentication with the
 * admin account before any servlet runs. A failed login answers 401 with a JSON error.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = WebContext.NAME, path = "/")
public class SecuredContext extends ServletContextHelper {

    static final String REALM = "Charging Manager";
    private static final Logger LOG = LoggerFactory.getLogger(SecuredContext.class);

    private final AdminAuthenticator authenticator;

    @Activate
    public SecuredContext(@Reference AdminAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isPresent()
                && authenticator.authenticate(credentials.get().username(), credentials.get().password())) {
            request.setAttribute(WebContext.USER_ATTRIBUTE, credentials.get().username());
            return true;
        }
        if (credentials.isPresent()) {
            LOG.warn("HTTP API: wrong user name or password for user '{}' from {} ({} {})",
                    credentials.get().username(), request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        JsonResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED,
                credentials.isPresent() ? "wrong user name or password" : "authentication required");
        return false;
    }
}
