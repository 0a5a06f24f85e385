package org.chargingmanager.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;

/**
 * The error page of the charging manager's context: a servlet's {@code sendError} (such as the
 * {@code 405} a servlet gives for a method it does not take, or a {@code 500} of an exception)
 * answers as JSON with its message key like every other error, instead of the container's HTML
 * page, so the web UI can show it in its language.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-error-page")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request, response);
        JsonResponses.error(response, status, message(status, request.getMethod(), request.getRequestURI()));
    }

    private static int status(HttpServletRequest request, HttpServletResponse response) {
        for (String prefix : new String[] {"javax", "jakarta"}) {
            if (request.getAttribute(prefix + ".servlet.error.status_code") instanceof Integer code) {
                return code;
            }
        }
        return response.getStatus() >= 400 ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** The message of an error status, for a request with this method and path. */
    static UserMessage message(int status, String method, String path) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> UserMessage.of("http.badRequest", "bad request");
            case HttpServletResponse.SC_FORBIDDEN -> UserMessage.of("http.forbidden", "forbidden: " + path, path);
            case HttpServletResponse.SC_NOT_FOUND -> UserMessage.of("http.notFound", "no such resource: " + path, path);
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED, HttpServletResponse.SC_NOT_IMPLEMENTED ->
                    UserMessage.of("http.methodNotAllowed", method + " is not allowed on " + path, method);
            case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> UserMessage.of("http.requestTooLarge", "the request is too large");
            case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE -> UserMessage.of("http.mediaType",
                    "send it as application/json", "application/json");
            case HttpServletResponse.SC_SERVICE_UNAVAILABLE -> UserMessage.of("http.serviceUnavailable",
                    "temporarily unavailable: try again shortly");
            case HttpServletResponse.SC_INTERNAL_SERVER_ERROR -> UserMessage.of("http.serverError",
                    "internal error of the charging manager (see its log)");
            default -> UserMessage.of("http.status", "HTTP " + status, status);
        };
    }
}
