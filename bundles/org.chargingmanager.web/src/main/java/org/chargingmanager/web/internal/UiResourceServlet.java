package org.chargingmanager.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web UI's files (HTML, CSS, JavaScript modules) from the bundle's {@code ui/} folder under
 * {@code /chargingmanager/}. Open without login: they hold no data, every value comes from the
 * authenticated JSON API. Revalidated on every load by an ETag of the bundle's build, and
 * locked down by a Content-Security-Policy that allows nothing from other origins.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ui")
@HttpWhiteboardServletPattern({ SecuredContext.UI_PATH, SecuredContext.UI_PATH + "/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class UiResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json",
            "application/json; charset=utf-8", "png", "image/png", "ico", "image/x-icon");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private final String etag = "\"" + Long.toHexString(buildStamp()) + "\"";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            response.sendRedirect(SecuredContext.UI_PATH + "/");
            return;
        }
        String name = pathInfo.equals("/") ? "index.html" : pathInfo.substring(1);
        URL resource = SAFE_PATH.matcher(name).matches() ? UiResourceServlet.class.getResource("/ui/" + name) : null;
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (resource == null || !TYPES.containsKey(extension)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(TYPES.get(extension));
        try (InputStream input = resource.openStream(); OutputStream output = response.getOutputStream()) {
            byte[] bytes = input.readAllBytes();
            response.setContentLength(bytes.length);
            output.write(bytes);
        }
    }

    private static long buildStamp() {
        URL index = UiResourceServlet.class.getResource("/ui/index.html");
        try {
            return index == null ? 0 : index.openConnection().getLastModified() ^ System.identityHashCode(UiResourceServlet.class);
        } catch (IOException e) {
            return System.identityHashCode(UiResourceServlet.class);
        }
    }
}
