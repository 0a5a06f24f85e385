package org.chargingmanager.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks the credentials of the administrator account. Every HTTP endpoint that changes state
 * and the Web Console ask it. The password is stored only as a salted hash.
 */
@ProviderType
public interface AdminAuthenticator {

    /** The user name of the administrator account. */
    String ADMIN_USER = "admin";

    /** Whether the user name and password are the administrator's. Takes constant time for a wrong password. */
    boolean authenticate(String username, char[] password);
}
