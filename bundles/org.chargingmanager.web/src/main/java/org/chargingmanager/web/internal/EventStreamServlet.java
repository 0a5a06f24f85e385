package org.chargingmanager.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.web.internal.session.SessionStore;
import org.chargingmanager.web.internal.session.WebSession;
import org.chargingmanager.web.internal.session.WebSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/events}: Server-Sent Events, one {@code site} event with the dashboard's
 * JSON ({@link SiteView}) whenever it changes, checked every {@link #CHECK_INTERVAL}, and a
 * comment as keep-alive every {@link #KEEP_ALIVE}. Each stream holds one request thread, so at
 * most {@link #MAXIMUM_STREAMS} run at once (more answer 503 and the page polls instead) and each
 * ends after {@link #MAXIMUM_DURATION} (the browser reconnects by itself), or when its session
 * ends.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-events")
@HttpWhiteboardServletPattern("/api/v1/events")
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class EventStreamServlet extends HttpServlet {

    static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration MAXIMUM_DURATION = Duration.ofMinutes(10);
    static final int MAXIMUM_STREAMS = 16;
    private static final long serialVersionUID = 1L;

    private final transient SiteView site;
    private final transient SessionStore sessions;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean stopped;

    @Activate
    public EventStreamServlet(@Reference SiteView site, @Reference WebSessions webSessions) {
        this.site = site;
        this.sessions = webSessions.store();
    }

    @Deactivate
    void deactivate() {
        stopped = true;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (open.incrementAndGet() > MAXIMUM_STREAMS) {
            open.decrementAndGet();
            response.setHeader("Retry-After", "60");
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    org.chargingmanager.api.platform.UserMessage.of("events.tooMany",
                            "too many live streams: poll /api/v1/dashboard instead"));
            return;
        }
        try {
            stream(request, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private void stream(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        Object attribute = request.getAttribute(SecuredContext.SESSION_ATTRIBUTE);
        String sessionId = attribute instanceof WebSession session ? session.id() : null;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        PrintWriter writer = response.getWriter();
        writer.write("retry: 2000\n\n");
        response.flushBuffer();
        long started = System.nanoTime();
        long lastWrite = started;
        String last = null;
        int checks = 0;
        while (!stopped && System.nanoTime() - started < MAXIMUM_DURATION.toNanos()) {
            String now = JsonResponses.GSON.toJson(site.json());
            long time = System.nanoTime();
            if (!now.equals(last)) {
                writer.write("event: site\ndata: " + now + "\n\n");
                last = now;
                lastWrite = time;
            } else if (time - lastWrite > KEEP_ALIVE.toNanos()) {
                writer.write(": keep-alive\n\n");
                lastWrite = time;
            }
            writer.flush();
            if (writer.checkError()) {
                return; // the browser went away
            }
            if (sessionId != null && ++checks % 40 == 0 && sessions.find(sessionId).isEmpty()) {
                return; // logged out or expired
            }
            Thread.sleep(CHECK_INTERVAL.toMillis());
        }
    }
}
