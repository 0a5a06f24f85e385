package org.chargingmanager.runtime.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The default servlet ({@code /}) of the HTTP Whiteboard's default context in the standalone
 * runtime, for every path no other servlet takes: {@code /} itself leads to the web UI; any
 * other path answers 503 with {@code Retry-After} while the product's servlets are still
 * registering ({@link StartupReadiness}), and 404 after that. So a grid operator's call during a
 * restart is told to come back, not that the API does not exist.
 *
 * <p>It is deliberately in the default context, not in the charging manager's: it must answer
 * before that context exists (the context waits for the admin account), and it reveals nothing
 * but "starting". The charging manager's context is asked first for its own paths.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-root")
@HttpWhiteboardServletPattern("/")
public class RootServlet extends HttpServlet {

    static final String UI_PATH = "/chargingmanager/";
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final long serialVersionUID = 1L;

    private final transient StartupReadiness readiness;

    @Activate
    public RootServlet(@Reference StartupReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if ("/".equals(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            response.sendRedirect(UI_PATH);
            return;
        }
        if (!readiness.ready()) {
            response.setHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("http.starting",
                    "the charging manager is starting; try again shortly", RETRY_AFTER.toSeconds()));
            return;
        }
        error(response, HttpServletResponse.SC_NOT_FOUND, UserMessage.of("http.notFound", "no such resource: " + path, path));
    }

    /** {@code {"error": english, "code": key, "args": [...]}}, as every error of the charging manager (texts and numbers here). */
    private static void error(HttpServletResponse response, int status, UserMessage message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder args = new StringBuilder();
        for (Object arg : message.args()) {
            args.append(args.length() == 0 ? "" : ",").append(arg instanceof Number ? arg.toString() : quote(String.valueOf(arg)));
        }
        try (Writer writer = response.getWriter()) {
            writer.write("{\"error\":" + quote(message.english()) + ",\"code\":" + quote(message.code()) + ",\"args\":["
                    + args + "]}");
        }
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
