package org.chargingmanager.ocpp.server.internal;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.AuthorizeRequest;
import org.chargingmanager.ocpp.v16.BootNotificationRequest;
import org.chargingmanager.ocpp.v16.DataTransferRequest;
import org.chargingmanager.ocpp.v16.MeterValuesRequest;
import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.StartTransactionConfirmation;
import org.chargingmanager.ocpp.v16.StartTransactionRequest;
import org.chargingmanager.ocpp.v16.StatusNotificationRequest;
import org.chargingmanager.ocpp.v16.StopTransactionRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A charge point passed through to a backend by a {@link ChargePointUplink}: what it sends is
 * checked and recorded here as always (transaction log, signed meter values, EVSE state), and
 * the backend decides the answer to Authorize, StartTransaction, StopTransaction, MeterValues
 * and DataTransfer (the uplink answers when the backend is away). Boot and status notifications
 * are answered here and passed on. Everything else is not forwarded.
 */
final class UplinkForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkForwarding.class);

    private UplinkForwarding() {
    }

    /** @return the answer, or null when the central system answers alone */
    static Object handle(CentralSystemHandler handler, ChargePointUplink uplink, ChargePoint cp, Request request,
            String payloadJson) {
        if (request instanceof BootNotificationRequest) {
            Object answer = handler.handleLocally(cp, request);
            if (cp.accepted()) {
                uplink.attached(cp.link());
                uplink.notify(Action.BOOT_NOTIFICATION, payloadJson);
            }
            return answer;
        }
        if (request instanceof StatusNotificationRequest) {
            Object answer = handler.handleLocally(cp, request);
            uplink.notify(Action.STATUS_NOTIFICATION, payloadJson);
            return answer;
        }
        if (request instanceof AuthorizeRequest) {
            return orLocally(cp, request, uplink.forward(Action.AUTHORIZE, payloadJson, 0),
                    () -> handler.handleLocally(cp, request));
        }
        if (request instanceof StartTransactionRequest start) {
            return start(handler, uplink, cp, start, payloadJson);
        }
        if (request instanceof StopTransactionRequest stop) {
            long logTransactionId = uplink.logTransactionId(stop.transactionId()).orElse(stop.transactionId());
            boolean resent = handler.stoppedAlready(logTransactionId);
            Object recorded = handler.stop(cp, stop, logTransactionId);
            if (recorded instanceof RpcError || resent) {
                // not recorded: the charge point sends it again; or sent again: the backend has it already
                return recorded;
            }
            return orLocally(cp, request, uplink.forward(Action.STOP_TRANSACTION, payloadJson, logTransactionId),
                    () -> recorded);
        }
        if (request instanceof MeterValuesRequest meterValues) {
            long logTransactionId = meterValues.transactionId() == null ? 0
                    : uplink.logTransactionId(meterValues.transactionId()).orElse(meterValues.transactionId());
            Object recorded = handler.meterValues(cp, meterValues, logTransactionId);
            if (recorded instanceof RpcError) {
                return recorded;
            }
            return orLocally(cp, request, uplink.forward(Action.METER_VALUES, payloadJson, logTransactionId),
                    () -> recorded);
        }
        if (request instanceof DataTransferRequest transfer) {
            Object local = MeterPublicKeys.DATA_TRANSFER_VENDOR.equalsIgnoreCase(transfer.vendorId())
                    ? handler.dataTransfer(cp, transfer) // the meter's public key is ours to know as well
                    : null;
            return orLocally(cp, request, uplink.forward(Action.DATA_TRANSFER, payloadJson, 0),
                    () -> local != null ? local : handler.handleLocally(cp, request));
        }
        return null;
    }

    private static Object start(CentralSystemHandler handler, ChargePointUplink uplink, ChargePoint cp,
            StartTransactionRequest start, String payloadJson) {
        Object recorded = handler.recordStart(cp, start);
        if (!(recorded instanceof CentralSystemHandler.StartRecorded started)) {
            return recorded;
        }
        CompletionStage<RawConfirmation> answer = uplink.forward(Action.START_TRANSACTION, payloadJson,
                started.transactionId());
        return orLocally(cp, start, answer.thenApply(raw -> {
            JsonObject confirmation = JsonParser.parseString(raw.payloadJson()).getAsJsonObject();
            int given = confirmation.get("transactionId").getAsInt();
            JsonObject info = confirmation.getAsJsonObject("idTagInfo");
            JsonElement parent = info.get("parentIdTag");
            handler.transactionStarted(cp, start, given, parent == null || parent.isJsonNull() ? null : parent.getAsString(),
                    info.get("status").getAsString(),
                    given == started.transactionId() ? "" : " (transaction log: " + started.transactionId() + ")");
            return raw;
        }), () -> {
            handler.transactionStarted(cp, start, started.transactionId(), started.info());
            return new StartTransactionConfirmation(started.info(), started.transactionId());
        });
    }

    /**
     * The uplink's answer, or when it failed (the gateway stopping, a bug) what the central system
     * says alone: what was recorded stays recorded, so the charge point must not send it again.
     */
    private static CompletionStage<Object> orLocally(ChargePoint cp, Request request,
            CompletionStage<? extends Object> forwarded, Supplier<Object> local) {
        return forwarded.handle((answer, failure) -> {
            if (failure == null) {
                return answer;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.warn("chargeBox={} {} not passed through ({}): answered by the central system", cp.id(),
                    request.action().wireName(), cause.toString());
            return local.get();
        });
    }
}
