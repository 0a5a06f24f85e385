package org.chargingmanager.ocpp.server.internal.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The certificates an installer puts into a wallbox, as PEM downloads (admin only, through the
 * context): {@code GET /api/v1/ocpp/server-certificate.pem} — what the OCPP server presents over
 * TLS, the wallbox's trusted root for profiles 2 and 3 — and
 * {@code GET /api/v1/ocpp/charge-point-ca.pem} — the CA that signs the wallboxes' own
 * certificates (profile 3; generated on first request if none exists). No private key is ever
 * served.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ocpp-certificates")
@HttpWhiteboardServletPattern({ CertificateServlet.SERVER_PATH, CertificateServlet.CHARGE_POINT_CA_PATH })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class CertificateServlet extends HttpServlet {

    static final String SERVER_PATH = "/api/v1/ocpp/server-certificate.pem";
    static final String CHARGE_POINT_CA_PATH = "/api/v1/ocpp/charge-point-ca.pem";
    private static final long serialVersionUID = 1L;

    private final transient OcppCentralSystem centralSystem;

    @Activate
    public CertificateServlet(@Reference OcppCentralSystem centralSystem) {
        this.centralSystem = centralSystem;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean server = SERVER_PATH.equals(request.getServletPath());
        List<X509Certificate> chain;
        try {
            chain = server ? centralSystem.serverCertificates() : centralSystem.chargePointCaCertificates();
        } catch (IllegalStateException e) {
            JsonReplies.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("http.unavailable",
                    "temporarily unavailable: " + e.getMessage(), e.getMessage()));
            return;
        }
        if (chain.isEmpty()) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, UserMessage.of("cert.tlsOff",
                    "the OCPP server runs without TLS (TLS Off)"));
            return;
        }
        response.setContentType("application/x-pem-file");
        response.setCharacterEncoding("US-ASCII");
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + (server ? "ocpp-server-certificate.pem" : "ocpp-charge-point-ca.pem") + "\"");
        try (Writer writer = response.getWriter()) {
            writer.write(pem(chain));
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    static String pem(List<X509Certificate> chain) throws CertificateEncodingException {
        StringBuilder text = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : chain) {
            text.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString();
    }
}
