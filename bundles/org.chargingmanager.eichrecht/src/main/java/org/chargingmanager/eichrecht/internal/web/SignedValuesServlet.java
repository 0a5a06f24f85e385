package org.chargingmanager.eichrecht.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.stream.XMLStreamException;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.eichrecht.ExportSelection;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Signed meter values for the S.A.F.E. transparency software, admin only (via the context):
 * <ul>
 * <li>{@code GET /api/v1/transactions/{id}/signed-values.xml}: one transaction</li>
 * <li>{@code GET /api/v1/signed-values.xml?evse=&from=&to=}: one charging point or all, optionally
 * by start time</li>
 * </ul>
 * Each value carries the charging point's confirmed trusted key, if one is stored; an unconfirmed
 * key (one that came with the data or the charger's configuration) is left out. Errors are JSON:
 * 400 for a bad parameter, 404 for an unknown transaction. Lives here rather than in the billing
 * bundle, which must not depend on the verifier; it only needs the {@link TransactionLog} service.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-signed-values")
@HttpWhiteboardServletPattern({ SignedValuesServlet.ALL_PATH, SignedValuesServlet.TRANSACTIONS_PATH + "/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class SignedValuesServlet extends HttpServlet {

    static final String ALL_PATH = "/api/v1/signed-values.xml";
    static final String TRANSACTIONS_PATH = "/api/v1/transactions";
    static final String FILE = "signed-values.xml";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SignedValuesServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrustedKeys trustedKeys;

    /**
     * Optional so that the bundle (and its Karaf feature) resolves without the billing bundle;
     * without a log the downloads answer 503.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionLog transactionLog;

    private String confirmedKey(String evseId) {
        TrustedKeys keys = trustedKeys;
        return keys == null || evseId == null ? null
                : keys.find(evseId).filter(TrustedKey::confirmed).map(TrustedKey::publicKey).orElse(null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionLog log = transactionLog;
        if (log == null) {
            JsonErrors.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("log.notInstalled",
                    "no transaction log is installed (the billing bundle)"));
            return;
        }
        SignedValuesExport export = new SignedValuesExport(log, this::confirmedKey, ZoneId.systemDefault());
        try {
            if (ALL_PATH.equals(request.getServletPath())) {
                ExportSelection selection = export.selection(request.getParameterMap());
                startXml(response, "signed-values" + (selection.evseId() == null ? "" : "-" + safe(selection.evseId()))
                        + ".xml");
                try (OutputStream out = response.getOutputStream()) {
                    export.write(selection, out);
                }
                return;
            }
            String info = request.getPathInfo() == null ? "" : request.getPathInfo();
            String[] parts = info.split("/", -1);
            if (parts.length != 3 || !parts[0].isEmpty() || !FILE.equals(parts[2])) {
                throw new SignedValuesExport.Refusal(404, null, UserMessage.of("http.notFound", "no such resource: "
                        + TRANSACTIONS_PATH + info + " (signed values: " + TRANSACTIONS_PATH + "/{id}/" + FILE + ")",
                        TRANSACTIONS_PATH + info));
            }
            if (!request.getParameterMap().isEmpty()) {
                String name = request.getParameterMap().keySet().iterator().next();
                throw new SignedValuesExport.Refusal(400, name, UserMessage.of("log.unknownParameter", "unknown parameter '"
                        + name + "'; allowed are none", name, "–"));
            }
            Transaction transaction = export.transaction(parts[1]);
            startXml(response, "signed-values-" + transaction.id() + ".xml");
            try (OutputStream out = response.getOutputStream()) {
                export.write(transaction, out);
            }
        } catch (SignedValuesExport.Refusal e) {
            JsonErrors.error(response, e.status, "parameter", e.parameter, e.userMessage);
        } catch (TransactionLogException e) {
            if (response.isCommitted()) {
                throw new IOException("the transaction log failed during the export: " + e.getMessage(), e);
            }
            JsonErrors.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("http.unavailable",
                    "temporarily unavailable: " + e.getMessage(), e.getMessage()));
        } catch (XMLStreamException e) {
            LOG.warn("Signed values export aborted: {}", e.getMessage());
            throw new IOException(e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void startXml(HttpServletResponse response, String fileName) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
