package org.chargingmanager.billing.internal.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.billing.internal.log.NotOpenTransactionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/transactions.csv?from=&to=&evse=&user=&separator=comma|semicolon}: the
 * transaction log as CSV, streamed row by row from the database cursor to the client.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-transactions-csv")
@HttpWhiteboardServletPattern(TransactionsCsvServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class TransactionsCsvServlet extends HttpServlet {

    static final String PATH = "/api/v1/transactions.csv";
    private static final long serialVersionUID = 1L;
    private static final Set<String> PARAMETERS = Set.of("from", "to", "evse", "user", "separator");
    private static final Logger LOG = LoggerFactory.getLogger(TransactionsCsvServlet.class);

    private final transient TransactionLog log;
    private final transient UserDirectory users;

    @Activate
    public TransactionsCsvServlet(@Reference(target = NotOpenTransactionLog.REAL_LOG_ONLY) TransactionLog log,
            @Reference UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionQuery query;
        TransactionCsvWriter.Style style;
        try {
            Parameters parameters = new Parameters(request.getParameterMap(), PARAMETERS, ZoneId.systemDefault());
            query = parameters.query(0, 0);
            String separator = parameters.text("separator");
            if (separator == null || separator.equals("comma")) {
                style = TransactionCsvWriter.Style.COMMA;
            } else if (separator.equals("semicolon")) {
                style = TransactionCsvWriter.Style.SEMICOLON;
            } else {
                throw new BadParameterException("separator", UserMessage.of("log.separator",
                        "parameter 'separator' must be 'comma' or 'semicolon', not '" + separator + "'", separator));
            }
        } catch (BadParameterException e) {
            JsonErrors.badParameter(response, e);
            return;
        }
        Map<String, String> names = new HashMap<>();
        try {
            for (User user : users.list()) {
                names.put(user.id(), user.name());
            }
        } catch (UserDirectoryException e) {
            JsonErrors.unavailable(response, e.getMessage());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"transactions.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                16 * 1024);
        TransactionCsvWriter csv = new TransactionCsvWriter(out, style, names);
        long started = System.nanoTime();
        try {
            csv.writeHeader();
            log.stream(query, csv);
            out.flush();
            LOG.info("CSV export of {} transaction(s) ({}) for {} in {} ms", csv.rows(), query,
                    request.getAttribute(WebContext.USER_ATTRIBUTE), (System.nanoTime() - started) / 1_000_000);
        } catch (UncheckedIOException e) {
            LOG.info("CSV export ({}) aborted after {} row(s): {}", query, csv.rows(), e.getCause().getMessage());
        } catch (TransactionLogException e) {
            LOG.error("CSV export ({}) failed after {} row(s): {}", query, csv.rows(), e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
                JsonErrors.unavailable(response, e.getMessage());
            } else {
                // the client must not take a truncated file for a complete one: break the connection
                throw new IOException("CSV export failed after " + csv.rows() + " rows", e);
            }
        }
    }
}
