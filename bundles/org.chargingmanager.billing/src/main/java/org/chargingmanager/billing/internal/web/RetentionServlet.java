package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code POST /api/v1/transactions/retention} with {@code {"endedBefore": "2019-01-01T00:00:00Z"}}:
 * deletes the sessions that ended before that instant, an explicit admin action. Refused (400)
 * for anything that ended less than 6 years ago. {@code GET} answers the oldest deletable end.
 * Only JSON bodies are accepted, so a cross-site HTML form cannot trigger it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-transactions-retention")
@HttpWhiteboardServletPattern(RetentionServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class RetentionServlet extends HttpServlet {

    static final String PATH = "/api/v1/transactions/retention";
    private static final long serialVersionUID = 1L;

    private final transient JdbcTransactionLog log;

    @Activate
    public RetentionServlet(@Reference JdbcTransactionLog log) {
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("retentionYears", JdbcTransactionLog.RETENTION_YEARS);
        body.addProperty("deletableEndedBefore", log.retentionLimit().toString());
        JsonErrors.write(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonErrors.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, UserMessage.of("http.mediaType",
                    "send {\"endedBefore\": \"<ISO 8601 date and time>\"} as application/json", "application/json"));
            return;
        }
        Instant endedBefore;
        try (Reader reader = request.getReader()) {
            JsonElement json = JsonParser.parseReader(reader);
            JsonElement value = json.isJsonObject() ? json.getAsJsonObject().get("endedBefore") : null;
            if (value == null || !value.isJsonPrimitive()) {
                throw new BadParameterException("endedBefore", UserMessage.of("retention.missing", "missing 'endedBefore'"));
            }
            endedBefore = OffsetDateTime.parse(value.getAsString()).toInstant();
        } catch (JsonParseException | IllegalStateException e) {
            JsonErrors.error(response, HttpServletResponse.SC_BAD_REQUEST, UserMessage.of("http.badJson",
                    "the body is not JSON: " + e.getMessage()));
            return;
        } catch (DateTimeException e) {
            JsonErrors.badParameter(response, new BadParameterException("endedBefore", UserMessage.of("retention.badDate",
                    "'endedBefore' must be an ISO 8601 date and time with offset, e.g. 2019-01-01T00:00:00Z")));
            return;
        } catch (BadParameterException e) {
            JsonErrors.badParameter(response, e);
            return;
        }
        Object user = request.getAttribute(WebContext.USER_ATTRIBUTE);
        try {
            long deleted = log.deleteEndedBefore(endedBefore,
                    (user == null ? "unknown" : user) + " via HTTP from " + request.getRemoteAddr());
            JsonObject body = new JsonObject();
            body.addProperty("endedBefore", endedBefore.toString());
            body.addProperty("deleted", deleted);
            JsonErrors.write(response, HttpServletResponse.SC_OK, body);
        } catch (IllegalArgumentException e) {
            JsonErrors.badParameter(response, new BadParameterException("endedBefore", UserMessage.of("retention.refused",
                    e.getMessage(), e.getMessage())));
        } catch (TransactionLogException e) {
            JsonErrors.unavailable(response, e.getMessage());
        }
    }
}
