package org.chargingmanager.eichrecht.internal.web;

import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.xml.stream.XMLStreamException;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.eichrecht.ExportSelection;
import org.chargingmanager.eichrecht.TransparencyXmlWriter;

/**
 * The signed meter value downloads without the servlet around them: checks the request, then
 * streams the transparency software's XML from the transaction log in constant memory.
 */
final class SignedValuesExport {

    /** A request that cannot be answered with XML: its status and message, and the parameter at fault. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String parameter;

        final transient UserMessage userMessage;

        Refusal(int status, String parameter, UserMessage message) {
            super(message.english());
            this.userMessage = message;
            this.status = status;
            this.parameter = parameter;
        }
    }

    static final Set<String> PARAMETERS = Set.of("evse", "from", "to");

    private final TransactionLog log;
    private final Function<String, String> trustedKeyOfEvse;
    private final ZoneId zone;

    SignedValuesExport(TransactionLog log, Function<String, String> trustedKeyOfEvse, ZoneId zone) {
        this.log = log;
        this.trustedKeyOfEvse = trustedKeyOfEvse;
        this.zone = zone;
    }

    /** The selection of {@code ?evse=&from=&to=} (all three optional). */
    ExportSelection selection(Map<String, String[]> parameters) throws Refusal {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                String names = String.join(", ", new TreeSet<>(PARAMETERS));
                throw new Refusal(400, entry.getKey(), UserMessage.of("log.unknownParameter", "unknown parameter '"
                        + entry.getKey() + "'; allowed are " + names, entry.getKey(), names));
            }
            if (entry.getValue().length != 1 || entry.getValue()[0].isBlank()) {
                throw new Refusal(400, entry.getKey(), UserMessage.of("log.parameterOnce", "parameter '" + entry.getKey()
                        + "' must be given once, not empty", entry.getKey()));
            }
        }
        Instant from = time(parameters, "from");
        Instant to = time(parameters, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Refusal(400, "to", UserMessage.of("log.toBeforeFrom", "parameter 'to' must be after 'from'"));
        }
        String[] evse = parameters.get("evse");
        return evse == null ? ExportSelection.all(from, to) : ExportSelection.evse(evse[0], from, to);
    }

    private Instant time(Map<String, String[]> parameters, String name) throws Refusal {
        String[] value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value[0]).toInstant();
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(value[0]).atStartOfDay(zone).toInstant();
            } catch (DateTimeException notDate) {
                throw new Refusal(400, name, UserMessage.of("log.badDate", "parameter '" + name + "' must be an ISO 8601"
                        + " date (2025-01-31) or date and time with offset (2025-01-31T00:00:00+01:00), not '" + value[0]
                        + "'", name, value[0]));
            }
        }
    }

    /** The transaction a {@code /api/v1/transactions/{id}/signed-values.xml} names; 400 or 404 otherwise. */
    Transaction transaction(String id) throws Refusal, TransactionLogException {
        long transactionId;
        try {
            transactionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "id", UserMessage.of("log.badTransactionId", "a transaction id is a whole number, not '"
                    + id + "'", id));
        }
        Optional<Transaction> transaction = log.find(transactionId);
        if (transaction.isEmpty()) {
            throw new Refusal(404, "id", UserMessage.of("log.noTransaction", "no transaction " + transactionId, transactionId));
        }
        return transaction.get();
    }

    void write(Transaction transaction, OutputStream out) throws XMLStreamException {
        try (TransparencyXmlWriter writer = new TransparencyXmlWriter(out, trustedKeyOfEvse,
                ExportSelection.transaction(transaction.id()))) {
            writer.write(transaction);
        }
    }

    /** Streams every selected transaction; the log hands them over one at a time. */
    void write(ExportSelection selection, OutputStream out) throws XMLStreamException, TransactionLogException {
        try (TransparencyXmlWriter writer = new TransparencyXmlWriter(out, trustedKeyOfEvse, selection)) {
            try {
                log.stream(selection.query(), transaction -> {
                    try {
                        writer.write(transaction);
                    } catch (XMLStreamException e) {
                        throw new WriteFailure(e);
                    }
                });
            } catch (WriteFailure e) {
                throw e.getCause();
            }
        }
    }

    private static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(XMLStreamException cause) {
            super(cause);
        }

        @Override
        public synchronized XMLStreamException getCause() {
            return (XMLStreamException) super.getCause();
        }
    }
}
