package org.chargingmanager.web.internal.session;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Strict}, path {@code /}, and {@code Secure}
 * when the request came over HTTPS (directly or, by {@code X-Forwarded-Proto}, through a proxy).
 * Written as a header because the Servlet 4 cookie API has no SameSite.
 */
public final class Cookies {

    private Cookies() {
    }

    public static String sessionId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SessionStore.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void set(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        response.addHeader("Set-Cookie", SessionStore.COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure(request) ? "; Secure" : ""));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", SessionStore.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure(request) ? "; Secure" : ""));
    }

    static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
