package org.chargingmanager.runtime.internal;

import java.util.Optional;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.BasicCredentials;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets only the charging manager's {@code admin} account into the Felix Web Console. The
 * runtime sets the framework property {@code felix.webconsole.security.providers=chargingmanager},
 * which makes the Web Console wait for this provider and switches off its built-in
 * {@code admin/admin} login.
 */
@Component(property = SecurityProvider.PROPERTY_ID + "=" + AdminSecurityProvider.PROVIDER_ID)
public class AdminSecurityProvider implements SecurityProvider {

    static final String PROVIDER_ID = "chargingmanager";
    static final String REALM = "Charging Manager";
    private static final Logger LOG = LoggerFactory.getLogger(AdminSecurityProvider.class);

    private final AdminAuthenticator authenticator;

    @Activate
    public AdminSecurityProvider(@Reference AdminAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isPresent()
                && authenticator.authenticate(credentials.get().username(), credentials.get().password())) {
            return credentials.get().username();
        }
        if (credentials.isPresent()) {
            LOG.warn("Web Console: wrong user name or password for user '{}' from {}", credentials.get().username(),
                    request.getRemoteAddr());
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return AdminAuthenticator.ADMIN_USER.equals(user);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
