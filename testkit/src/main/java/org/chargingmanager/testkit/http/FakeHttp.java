package org.chargingmanager.testkit.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A servlet request and response without a container, for calling a servlet's {@code doGet},
 * {@code doPut} ... in a unit test: {@code FakeHttp.Request request = FakeHttp.request("PUT",
 * "/api/v1/x", "/ID").body("{...}"); FakeHttp.Response response = new FakeHttp.Response();
 * servlet.service(request.servlet(), response.servlet()); response.json()}. Methods a test does
 * not set answer {@code null} (or 0, false).
 */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** @param pathInfo the part after the servlet's path, or null */
    public static Request request(String method, String servletPath, String pathInfo) {
        return new Request(method, servletPath, pathInfo);
    }

    public static final class Request {
        private final String method;
        private final String servletPath;
        private final String pathInfo;
        private byte[] body = new byte[0];
        private String contentType;
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String[]> parameters = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new HashMap<>();

        private Request(String method, String servletPath, String pathInfo) {
            this.method = method;
            this.servletPath = servletPath;
            this.pathInfo = pathInfo;
        }

        /** A JSON body ({@code application/json}). */
        public Request body(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            this.contentType = "application/json";
            return this;
        }

        public Request contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /** A query parameter; several values when given more than once. */
        public Request parameter(String name, String... values) {
            parameters.put(name, values);
            return this;
        }

        public Request attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        public HttpServletRequest servlet() {
            ByteArrayInputStream input = new ByteArrayInputStream(body);
            ServletInputStream stream = new ServletInputStream() {
                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return input.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            };
            String uri = servletPath + (pathInfo == null ? "" : pathInfo);
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getServletPath" -> servletPath;
                        case "getPathInfo" -> pathInfo;
                        case "getRequestURI" -> uri;
                        case "getRequestURL" -> new StringBuffer("http://127.0.0.1" + uri);
                        case "getContextPath" -> "";
                        case "getContentType" -> contentType;
                        case "getCharacterEncoding" -> "UTF-8";
                        case "getRemoteAddr" -> "127.0.0.1";
                        case "getInputStream" -> stream;
                        case "getReader" -> new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                        case "getHeader" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "getParameter" -> parameters.containsKey(args[0]) ? parameters.get(args[0])[0] : null;
                        case "getParameterMap" -> Collections.unmodifiableMap(parameters);
                        case "getQueryString" -> null;
                        case "getAttribute" -> attributes.get(args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]) == null ? null : null;
                        case "removeAttribute" -> attributes.remove(args[0]) == null ? null : null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> method + " " + uri;
                        default -> defaultValue(m.getReturnType());
                    });
        }
    }

    public static final class Response {
        private int status = HttpServletResponse.SC_OK;
        private String errorMessage;
        private String contentType;
        private final Map<String, String> headers = new HashMap<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        public int status() {
            return status;
        }

        /** The message given to {@code sendError}, if the servlet called it. */
        public String errorMessage() {
            return errorMessage;
        }

        public String contentType() {
            return contentType;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return JsonParser.parseString(body()).getAsJsonObject();
        }

        public HttpServletResponse servlet() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "getStatus" -> {
                                return status;
                            }
                            case "sendError" -> {
                                status = (Integer) args[0];
                                errorMessage = args.length > 1 ? (String) args[1] : null;
                            }
                            case "sendRedirect" -> {
                                status = HttpServletResponse.SC_FOUND;
                                headers.put("location", (String) args[0]);
                            }
                            case "setHeader", "addHeader" -> headers.put(((String) args[0]).toLowerCase(Locale.ROOT),
                                    String.valueOf(args[1]));
                            case "setIntHeader", "addIntHeader" -> headers.put(((String) args[0]).toLowerCase(Locale.ROOT),
                                    String.valueOf(args[1]));
                            case "getHeader" -> {
                                return headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                            }
                            case "containsHeader" -> {
                                return headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                            }
                            case "setContentType" -> contentType = (String) args[0];
                            case "getContentType" -> {
                                return contentType;
                            }
                            case "getWriter" -> {
                                if (writer == null) {
                                    writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
                                }
                                return writer;
                            }
                            case "getOutputStream" -> {
                                return stream;
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            case "reset", "resetBuffer" -> {
                                bytes.reset();
                                headers.clear();
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "toString" -> {
                                return "response " + status;
                            }
                            default -> {
                                return defaultValue(m.getReturnType());
                            }
                        }
                        return null;
                    });
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
