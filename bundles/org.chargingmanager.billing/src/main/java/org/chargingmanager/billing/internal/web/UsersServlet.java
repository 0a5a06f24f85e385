package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The users over HTTP (admin only, via the context):
 * <ul>
 * <li>{@code GET /api/v1/users}: every user, ordered by id</li>
 * <li>{@code POST /api/v1/users}: creates a user (201); 409 if the id exists</li>
 * <li>{@code GET|PUT|DELETE /api/v1/users/{id}}: reads, creates or replaces (200), deletes (204)</li>
 * </ul>
 * Bad input is answered with 400 and {@code {"error": ..., "parameter": <field>}}; an RFID tag or
 * PIN that already belongs to another user with 409 and {@code "parameter": "rfidTags"} or
 * {@code "pins"}; an unknown id with 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-users")
@HttpWhiteboardServletPattern({ UsersServlet.PATH, UsersServlet.PATH + "/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class UsersServlet extends HttpServlet {

    static final String PATH = "/api/v1/users";
    private static final long serialVersionUID = 1L;

    private final transient UserDirectory users;

    @Activate
    public UsersServlet(@Reference UserDirectory users) {
        this.users = users;
    }

    /** The id in {@code /api/v1/users/{id}}, {@code ""} for the collection, or {@code null} for a deeper path. */
    private static String id(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.isEmpty() || info.equals("/")) {
            return "";
        }
        // getPathInfo() is already decoded: decoding again would turn "a+b" into "a b"
        String id = info.substring(1);
        return id.isEmpty() || info.indexOf('/', 1) >= 0 ? null : id;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = id(request);
        try {
            if (id == null) {
                notFound(response, request.getPathInfo());
            } else if (id.isEmpty()) {
                JsonArray array = new JsonArray();
                for (User user : users.list()) {
                    array.add(UserJson.json(user));
                }
                JsonObject body = new JsonObject();
                body.add("users", array);
                JsonErrors.write(response, HttpServletResponse.SC_OK, body);
            } else {
                Optional<User> user = users.find(id);
                if (user.isEmpty()) {
                    notFound(response, id);
                } else {
                    JsonErrors.write(response, HttpServletResponse.SC_OK, UserJson.json(user.get()));
                }
            }
        } catch (UserDirectoryException e) {
            JsonErrors.unavailable(response, e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = id(request);
        if (id == null || !id.isEmpty()) {
            response.setHeader("Allow", "GET, PUT, DELETE");
            JsonErrors.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, UserMessage.of("user.postToList",
                    "POST to " + PATH + " creates a user; use PUT to replace one"));
            return;
        }
        save(request, response, null);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = id(request);
        if (id == null || id.isEmpty()) {
            response.setHeader("Allow", "GET, POST");
            JsonErrors.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, UserMessage.of("http.pathIdMissing",
                    "PUT needs a user id: " + PATH + "/{id}", "PUT " + PATH + "/{id}"));
            return;
        }
        save(request, response, id);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = id(request);
        if (id == null || id.isEmpty()) {
            response.setHeader("Allow", "GET, POST");
            JsonErrors.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, UserMessage.of("http.pathIdMissing",
                    "DELETE needs a user id: " + PATH + "/{id}", "DELETE " + PATH + "/{id}"));
            return;
        }
        try {
            if (users.delete(id)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                notFound(response, id);
            }
        } catch (UserDirectoryException e) {
            JsonErrors.unavailable(response, e.getMessage());
        }
    }

    /** @param pathId {@code null} for POST (create only) */
    private void save(HttpServletRequest request, HttpServletResponse response, String pathId) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            JsonErrors.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, UserMessage.of("http.mediaType",
                    "send the user as application/json", "application/json"));
            return;
        }
        User user;
        try (Reader reader = request.getReader()) {
            JsonElement body = JsonParser.parseReader(reader);
            user = UserJson.user(body, pathId);
        } catch (JsonParseException | IllegalStateException e) {
            JsonErrors.error(response, HttpServletResponse.SC_BAD_REQUEST, UserMessage.of("http.badJson",
                    "the body is not JSON: " + e.getMessage()));
            return;
        } catch (BadParameterException e) {
            JsonErrors.badParameter(response, e);
            return;
        }
        try {
            boolean exists = users.find(user.id()).isPresent();
            if (pathId == null && exists) {
                JsonErrors.conflict(response, new BadParameterException("id", UserMessage.of("user.exists", "user " + user.id()
                        + " exists; PUT " + PATH + "/" + user.id() + " replaces it", user.id())));
                return;
            }
            BadParameterException taken = takenToken(user);
            if (taken != null) {
                JsonErrors.conflict(response, taken);
                return;
            }
            User saved = users.save(user);
            if (!exists) {
                response.setHeader("Location", request.getContextPath() + PATH + "/" + saved.id());
            }
            JsonErrors.write(response, exists ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CREATED,
                    UserJson.json(saved));
        } catch (UserDirectoryException e) {
            if (e.getCause() == null) {
                // the directory's own checks (a tag listed twice, taken meanwhile): the request's fault
                JsonErrors.conflict(response, new BadParameterException(null, UserMessage.of("user.refused",
                        e.getMessage(), e.getMessage())));
            } else {
                JsonErrors.unavailable(response, e.getMessage());
            }
        }
    }

    /** An RFID tag or PIN of {@code user} that belongs to another user, named by its field. */
    private BadParameterException takenToken(User user) throws UserDirectoryException {
        List<String[]> tokens = new ArrayList<>();
        user.rfidTags().forEach(t -> tokens.add(new String[] { "rfidTags", t }));
        user.pins().forEach(t -> tokens.add(new String[] { "pins", t }));
        for (String[] token : tokens) {
            Optional<User> owner = users.findByToken(token[1]);
            if (owner.isPresent() && !owner.get().id().equals(user.id())) {
                return new BadParameterException(token[0], UserMessage.of("user.tokenTaken", "'" + token[1] + "' in field '"
                        + token[0] + "' already belongs to user " + owner.get().id(), token[1], owner.get().id()));
            }
        }
        return null;
    }

    private static void notFound(HttpServletResponse response, String id) throws IOException {
        JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, UserMessage.of("user.unknown", "no user " + id, id));
    }
}
