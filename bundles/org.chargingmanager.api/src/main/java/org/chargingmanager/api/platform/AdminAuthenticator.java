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

    /** The shortest password {@link #changePassword} accepts. */
    int MINIMUM_PASSWORD_LENGTH = 10;

    /**
     * Replaces the administrator's password. Only its salted hash is stored.
     *
     * @param currentPassword must match the stored password
     * @param newPassword at least {@link #MINIMUM_PASSWORD_LENGTH} characters, not all blank
     * @return false if {@code currentPassword} is wrong (nothing changed)
     * @throws IllegalArgumentException naming what is wrong with {@code newPassword} (nothing changed)
     * @since 1.1
     */
    boolean changePassword(char[] currentPassword, char[] newPassword) throws java.io.IOException;
}
