package org.chargingmanager.billing.internal.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.billing.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, their RFID tags and PINs and their allowed charging points, in the billing database. */
@Component(service = UserDirectory.class)
public class JdbcUserDirectory implements UserDirectory {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_TOKEN_LENGTH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcUserDirectory.class);

    private final Database database;
    private final DataSource dataSource;

    @Activate
    public JdbcUserDirectory(@Reference Database database) {
        this.database = database;
        this.dataSource = database.dataSource();
    }

    /** The lookup key of an RFID tag or PIN: OCPP IdTokens compare case-insensitively. */
    static String tokenKey(String token) {
        return token.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public List<User> list() throws UserDirectoryException {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, null);
        } catch (SQLException e) {
            throw failure("cannot list the users", e);
        }
    }

    @Override
    public Optional<User> find(String userId) throws UserDirectoryException {
        if (userId == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, userId).stream().findFirst();
        } catch (SQLException e) {
            throw failure("cannot read user " + userId, e);
        }
    }

    @Override
    public Optional<User> findByToken(String idTag) throws UserDirectoryException {
        if (idTag == null || idTag.isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            String userId = null;
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT user_id FROM cm_user_token WHERE token_key = ?")) {
                select.setString(1, tokenKey(idTag));
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        userId = result.getString(1);
                    }
                }
            }
            return userId == null ? Optional.empty() : load(connection, userId).stream().findFirst();
        } catch (SQLException e) {
            throw failure("cannot look up an id tag", e);
        }
    }

    @Override
    public User save(User user) throws UserDirectoryException {
        validate(user);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, String[]> tokens = new LinkedHashMap<>();
                for (String rfid : user.rfidTags()) {
                    putToken(tokens, rfid, "RFID", user);
                }
                for (String pin : user.pins()) {
                    putToken(tokens, pin, "PIN", user);
                }
                for (String key : tokens.keySet()) {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT user_id FROM cm_user_token WHERE token_key = ? AND user_id <> ?")) {
                        select.setString(1, key);
                        select.setString(2, user.id());
                        try (ResultSet result = select.executeQuery()) {
                            if (result.next()) {
                                throw new UserDirectoryException("the RFID tag or PIN " + tokens.get(key)[0]
                                        + " already belongs to user " + result.getString(1));
                            }
                        }
                    }
                }
                boolean exists;
                try (PreparedStatement update = connection.prepareStatement("UPDATE cm_user SET name = ?, priority = ?,"
                        + " expiry = ?, blocked = ?, updated_at = ? WHERE id = ?")) {
                    setUserColumns(update, user);
                    update.setString(6, user.id());
                    exists = update.executeUpdate() > 0;
                }
                if (!exists) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_user"
                            + " (name, priority, expiry, blocked, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)")) {
                        setUserColumns(insert, user);
                        insert.setString(6, user.id());
                        insert.executeUpdate();
                    }
                }
                deleteChildren(connection, user.id());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO cm_user_token (token_key, token, kind, user_id) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, String[]> token : tokens.entrySet()) {
                        insert.setString(1, token.getKey());
                        insert.setString(2, token.getValue()[0]);
                        insert.setString(3, token.getValue()[1]);
                        insert.setString(4, user.id());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = connection
                        .prepareStatement("INSERT INTO cm_user_evse (user_id, evse_id) VALUES (?, ?)")) {
                    for (String evseId : user.allowedEvseIds()) {
                        insert.setString(1, user.id());
                        insert.setString(2, evseId);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                database.flush(connection);
                LOG.info("User {} {}: {} RFID tag(s), {} PIN(s), {} allowed EVSE(s), priority {}, expiry {}, blocked {}",
                        user.id(), exists ? "updated" : "created", user.rfidTags().size(), user.pins().size(),
                        user.allowedEvseIds().isEmpty() ? "all" : user.allowedEvseIds().size(), user.priority(),
                        user.expiry(), user.blocked());
                return load(connection, user.id()).get(0);
            } catch (SQLException | RuntimeException | UserDirectoryException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot save user " + user.id(), e);
        }
    }

    private static void putToken(Map<String, String[]> tokens, String token, String kind, User user)
            throws UserDirectoryException {
        if (token == null || token.isBlank() || token.trim().length() > MAX_TOKEN_LENGTH) {
            throw new UserDirectoryException("user " + user.id() + ": an RFID tag or PIN must have 1 to "
                    + MAX_TOKEN_LENGTH + " characters");
        }
        if (tokens.putIfAbsent(tokenKey(token), new String[] { token.trim(), kind }) != null) {
            throw new UserDirectoryException("user " + user.id() + ": the RFID tag or PIN " + token + " is listed twice");
        }
    }

    private static void validate(User user) throws UserDirectoryException {
        if (user == null) {
            throw new UserDirectoryException("no user");
        }
        if (user.id().length() > MAX_ID_LENGTH) {
            throw new UserDirectoryException("a user id has at most " + MAX_ID_LENGTH + " characters");
        }
        if (user.name().length() > 200) {
            throw new UserDirectoryException("a user name has at most 200 characters");
        }
    }

    private static void setUserColumns(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.name());
        statement.setInt(2, user.priority());
        statement.setObject(3, user.expiry() == null ? null : OffsetDateTime.ofInstant(user.expiry(), ZoneOffset.UTC));
        statement.setBoolean(4, user.blocked());
        statement.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static void deleteChildren(Connection connection, String userId) throws SQLException {
        for (String table : List.of("cm_user_token", "cm_user_evse")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                delete.setString(1, userId);
                delete.executeUpdate();
            }
        }
    }

    @Override
    public boolean delete(String userId) throws UserDirectoryException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                deleteChildren(connection, userId);
                int deleted;
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cm_user WHERE id = ?")) {
                    delete.setString(1, userId);
                    deleted = delete.executeUpdate();
                }
                connection.commit();
                database.flush(connection);
                if (deleted > 0) {
                    LOG.info("User {} deleted", userId);
                }
                return deleted > 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot delete user " + userId, e);
        }
    }

    /** One user ({@code userId}) or all. */
    private static List<User> load(Connection connection, String userId) throws SQLException {
        String where = userId == null ? "" : " WHERE user_id = ?";
        Map<String, List<String>> rfids = new LinkedHashMap<>();
        Map<String, List<String>> pins = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, token, kind FROM cm_user_token" + where + " ORDER BY user_id, token")) {
            if (userId != null) {
                select.setString(1, userId);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ("PIN".equals(result.getString(3)) ? pins : rfids)
                            .computeIfAbsent(result.getString(1), id -> new ArrayList<>()).add(result.getString(2));
                }
            }
        }
        Map<String, Set<String>> evses = new LinkedHashMap<>();
        try (PreparedStatement select = connection
                .prepareStatement("SELECT user_id, evse_id FROM cm_user_evse" + where)) {
            if (userId != null) {
                select.setString(1, userId);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    evses.computeIfAbsent(result.getString(1), id -> new HashSet<>()).add(result.getString(2));
                }
            }
        }
        List<User> users = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, priority, expiry, blocked"
                + " FROM cm_user" + (userId == null ? "" : " WHERE id = ?") + " ORDER BY id")) {
            if (userId != null) {
                select.setString(1, userId);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String id = result.getString(1);
                    OffsetDateTime expiry = result.getObject(4, OffsetDateTime.class);
                    Instant expiryInstant = expiry == null ? null : expiry.toInstant();
                    users.add(new User(id, result.getString(2), rfids.getOrDefault(id, List.of()),
                            pins.getOrDefault(id, List.of()), evses.getOrDefault(id, Set.of()), result.getInt(3),
                            expiryInstant, result.getBoolean(5)));
                }
            }
        }
        return users;
    }

    private static UserDirectoryException failure(String message, SQLException e) {
        LOG.error("User directory: {}: {}", message, e.getMessage());
        return new UserDirectoryException(message + ": " + e.getMessage(), e);
    }
}
