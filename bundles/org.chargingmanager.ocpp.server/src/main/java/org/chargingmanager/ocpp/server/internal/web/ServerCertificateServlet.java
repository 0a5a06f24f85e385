package org.chargingmanager.ocpp.server.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.chargingmanager.ocpp.server.internal.ServerCertificateImport;
import org.chargingmanager.ocpp.server.internal.ServerCertificateInstaller;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The OCPP server's own TLS certificate (admin only, through the context; changes need the CSRF
 * token like every other):
 * <ul>
 * <li>{@code GET /api/v1/ocpp/server-certificate}: the certificate in use — subject, issuer,
 * validity, names, SHA-256 fingerprint — and where it comes from (generated, imported, file)</li>
 * <li>{@code PUT} with {@code {"format":"pem","certificate":"-----BEGIN CERTIFICATE-----...",
 * "privateKey":"-----BEGIN PRIVATE KEY-----...","password":""}} or
 * {@code {"format":"pkcs12","pkcs12":"<base64>","password":"..."}}: checked (valid today, the
 * key belongs to the certificate, usable for TLS), stored, and the server restarts with it;
 * bad material is refused with {@code 400} naming the field, and nothing changes</li>
 * <li>{@code DELETE}: back to the generated self-signed certificate ({@code 409} if the settings name
 * a certificate file of the installer's own, which is changed there)</li>
 * </ul>
 * Neither the key nor the password is ever logged or sent back.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ocpp-server-certificate")
@HttpWhiteboardServletPattern(ServerCertificateServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ServerCertificateServlet extends HttpServlet {

    static final String PATH = "/api/v1/ocpp/server-certificate";
    static final int MAX_BODY_BYTES = 512 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateServlet.class);

    private final transient OcppCentralSystem centralSystem;
    private final transient ServerCertificateInstaller installer;

    @Activate
    public ServerCertificateServlet(@Reference OcppCentralSystem centralSystem, @Reference ConfigurationAdmin configurationAdmin,
            @Reference DataDirectory dataDirectory) {
        this.centralSystem = centralSystem;
        this.installer = new ServerCertificateInstaller(configurationAdmin, dataDirectory.path());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("source", installer.source().name());
        body.addProperty("tlsMode", installer.tlsMode());
        List<X509Certificate> chain = List.of();
        if (!"OFF".equals(installer.tlsMode())) {
            chain = installer.storedCertificates();
            if (chain.isEmpty()) {
                try {
                    chain = centralSystem.serverCertificates();
                } catch (IllegalStateException e) {
                    chain = List.of();
                }
            }
        }
        body.add("certificate", chain.isEmpty() ? JsonNull.INSTANCE : describe(chain.get(0)));
        body.addProperty("chainLength", chain.size());
        JsonReplies.send(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject upload;
        try {
            upload = readObject(request);
        } catch (JsonReplies.BadRequest e) {
            LOG.warn("OCPP server certificate: refused an upload from {}: {}", request.getRemoteAddr(), e.getMessage());
            JsonReplies.error(response, e.status, e.userMessage);
            return;
        }
        String format = text(upload, "format").toLowerCase(Locale.ROOT);
        char[] password = text(upload, "password").toCharArray();
        ServerCertificateImport.Checked checked;
        try {
            checked = switch (format) {
                case "pem" -> ServerCertificateImport.fromPem(text(upload, "certificate"), text(upload, "privateKey"),
                        password, Instant.now());
                case "pkcs12" -> ServerCertificateImport.fromPkcs12(base64(text(upload, "pkcs12")), password, Instant.now());
                default -> throw ServerCertificateImport.rejected("cert.format", "format", "format must be pem or pkcs12");
            };
        } catch (ServerCertificateImport.Rejected e) {
            LOG.warn("OCPP server certificate: refused an upload from {}: {}", request.getRemoteAddr(), e.getMessage());
            JsonReplies.fieldError(response, e.code(), e.field(), e.getMessage(), e.args());
            return;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        installer.install(checked);
        JsonObject description = describe(checked.leaf());
        LOG.info("OCPP server certificate: {} (SHA-256 {}) installed by {} from {}; the OCPP server restarts with it",
                checked.leaf().getSubjectX500Principal().getName(), description.get("sha256").getAsString(),
                request.getAttribute(WebContext.USER_ATTRIBUTE), request.getRemoteAddr());
        JsonObject body = new JsonObject();
        body.addProperty("source", ServerCertificateInstaller.Source.IMPORTED.name());
        body.addProperty("tlsMode", installer.tlsMode());
        body.add("certificate", description);
        body.addProperty("chainLength", checked.chain().size());
        JsonReplies.send(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (installer.source() == ServerCertificateInstaller.Source.FILE) {
            JsonReplies.error(response, HttpServletResponse.SC_CONFLICT, UserMessage.of("cert.isFile", "the certificate is a "
                    + "file named in the OCPP server's settings (Server certificate file): change it there"));
            return;
        }
        installer.revertToGenerated();
        LOG.info("OCPP server certificate: back to the generated one, by {} from {}; the OCPP server restarts",
                request.getAttribute(WebContext.USER_ATTRIBUTE), request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    static JsonObject describe(X509Certificate certificate) {
        JsonObject json = new JsonObject();
        json.addProperty("subject", certificate.getSubjectX500Principal().getName());
        json.addProperty("issuer", certificate.getIssuerX500Principal().getName());
        json.addProperty("notBefore", certificate.getNotBefore().toInstant().toString());
        json.addProperty("notAfter", certificate.getNotAfter().toInstant().toString());
        json.addProperty("selfSigned", certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
        JsonArray names = new JsonArray();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> name : certificate.getSubjectAlternativeNames()) {
                    names.add(String.valueOf(name.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // no names to show
        }
        json.add("names", names);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            json.addProperty("sha256", HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            json.addProperty("sha256", "");
        }
        return json;
    }

    private static byte[] base64(String text) throws ServerCertificateImport.Rejected {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ServerCertificateImport.rejected("cert.badPkcs12", "pkcs12", "the PKCS#12 file is not base64 encoded");
        }
    }

    private static String text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element == null || element.isJsonNull() || !element.isJsonPrimitive() ? "" : element.getAsString();
    }

    private static JsonObject readObject(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream input = request.getInputStream()) {
            body = input.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new JsonReplies.BadRequest(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, UserMessage.of("cert.tooLarge",
                    "the upload is larger than " + MAX_BODY_BYTES / 1024 + " KiB", MAX_BODY_BYTES / 1024));
        }
        try {
            JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // answered below
        }
        String shape = "{\"format\": \"pem\" or \"pkcs12\", ...}";
        throw new JsonReplies.BadRequest(UserMessage.of("http.bodyShape", "the body must be a JSON object: " + shape, shape));
    }
}
