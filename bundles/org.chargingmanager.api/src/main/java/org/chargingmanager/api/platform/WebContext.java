package org.chargingmanager.api.platform;

/**
 * The OSGi HTTP Whiteboard context of the charging manager's HTTP API. It asks for the admin
 * account (HTTP Basic) before any servlet runs. A bundle adds an endpoint by registering a
 * whiteboard servlet with {@code @HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)}.
 */
public final class WebContext {

    /** The value of {@code osgi.http.whiteboard.context.name}. */
    public static final String NAME = "chargingmanager";

    /** The value of {@code osgi.http.whiteboard.context.select} that picks this context. */
    public static final String SELECT_FILTER = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    /** Request attribute holding the authenticated user name. */
    public static final String USER_ATTRIBUTE = "org.chargingmanager.user";

    private WebContext() {
    }
}
