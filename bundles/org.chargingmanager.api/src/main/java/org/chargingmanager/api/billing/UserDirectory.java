package org.chargingmanager.api.billing;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The users who may charge, with their RFID tags and PINs; stored durably. */
@ProviderType
public interface UserDirectory {

    /** Every user, ordered by id. */
    List<User> list() throws UserDirectoryException;

    Optional<User> find(String userId) throws UserDirectoryException;

    /** The user an RFID tag or PIN belongs to; RFID tags match case-insensitively. */
    Optional<User> findByToken(String idTag) throws UserDirectoryException;

    /**
     * Creates the user or replaces the one with the same id, including its tokens and allowed
     * charging points. Committed when it returns.
     *
     * @throws UserDirectoryException if an RFID tag or PIN already belongs to another user
     */
    User save(User user) throws UserDirectoryException;

    /**
     * Deletes a user and its tokens. Its past transactions stay in the log under its id.
     *
     * @return whether there was such a user
     */
    boolean delete(String userId) throws UserDirectoryException;
}
