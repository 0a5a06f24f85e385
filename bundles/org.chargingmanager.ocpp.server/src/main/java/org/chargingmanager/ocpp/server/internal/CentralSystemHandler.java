package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.server.DataTransferHandler;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.AuthorizeConfirmation;
import org.chargingmanager.ocpp.v16.AuthorizeRequest;
import org.chargingmanager.ocpp.v16.BootNotificationConfirmation;
import org.chargingmanager.ocpp.v16.BootNotificationRequest;
import org.chargingmanager.ocpp.v16.DataTransferConfirmation;
import org.chargingmanager.ocpp.v16.DataTransferRequest;
import org.chargingmanager.ocpp.v16.DataTransferStatus;
import org.chargingmanager.ocpp.v16.DiagnosticsStatusNotificationConfirmation;
import org.chargingmanager.ocpp.v16.DiagnosticsStatusNotificationRequest;
import org.chargingmanager.ocpp.v16.FirmwareStatusNotificationConfirmation;
import org.chargingmanager.ocpp.v16.FirmwareStatusNotificationRequest;
import org.chargingmanager.ocpp.v16.HeartbeatConfirmation;
import org.chargingmanager.ocpp.v16.HeartbeatRequest;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.chargingmanager.ocpp.v16.LogStatusNotificationConfirmation;
import org.chargingmanager.ocpp.v16.LogStatusNotificationRequest;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.MeterValue;
import org.chargingmanager.ocpp.v16.MeterValuesConfirmation;
import org.chargingmanager.ocpp.v16.MeterValuesRequest;
import org.chargingmanager.ocpp.v16.Phase;
import org.chargingmanager.ocpp.v16.RegistrationStatus;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.SampledValue;
import org.chargingmanager.ocpp.v16.SecurityEventNotificationConfirmation;
import org.chargingmanager.ocpp.v16.SecurityEventNotificationRequest;
import org.chargingmanager.ocpp.v16.SignedFirmwareStatusNotificationConfirmation;
import org.chargingmanager.ocpp.v16.SignedFirmwareStatusNotificationRequest;
import org.chargingmanager.ocpp.v16.StartTransactionConfirmation;
import org.chargingmanager.ocpp.v16.StartTransactionRequest;
import org.chargingmanager.ocpp.v16.StatusNotificationConfirmation;
import org.chargingmanager.ocpp.v16.StatusNotificationRequest;
import org.chargingmanager.ocpp.v16.StopTransactionConfirmation;
import org.chargingmanager.ocpp.v16.StopTransactionRequest;
import org.chargingmanager.ocpp.v16.ValueFormat;
import org.chargingmanager.ocpp.v16.metering.MeterValueNormalizer;
import org.chargingmanager.ocpp.v16.metering.Normalization;
import org.chargingmanager.ocpp.v16.metering.NormalizedSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central system's answers to what charge points send. Returns a confirmation, or an
 * {@link RpcError} (its message id is filled in by the connection).
 */
final class CentralSystemHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CentralSystemHandler.class);

    private final ServerSettings settings;
    private final Backends backends;
    /** Charge point certificates and passwords (security extension); null: SignCertificate is NotImplemented. */
    private volatile ChargePointSecurity security;
    /** Transaction ids when no transaction log is installed: unique within this run. */
    private final AtomicInteger fallbackTransactionIds = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000_000));

    /** Spreads the chargers' Heartbeats (and a pending charger's next boot) after a restart. */
    private final HeartbeatJitter heartbeatJitter = new HeartbeatJitter(new java.util.Random());

    CentralSystemHandler(ServerSettings settings, Backends backends) {
        this.settings = settings;
        this.backends = backends;
    }

    void security(ChargePointSecurity chargePointSecurity) {
        this.security = chargePointSecurity;
    }

    Object handle(ChargePoint cp, Request request) {
        return handle(cp, request, null);
    }

    /**
     * @param payloadJson the CALL's payload as received; with a {@link ChargePointUplink} for this
     *        charge point, what the backend decides is forwarded (see {@link UplinkForwarding})
     */
    Object handle(ChargePoint cp, Request request, String payloadJson) {
        Optional<ChargePointUplink> uplink = payloadJson == null ? Optional.empty() : backends.uplink(cp.id());
        if (uplink.isPresent() && (cp.accepted() || request instanceof BootNotificationRequest)) {
            Object forwarded = uplink.map(up -> UplinkForwarding.handle(this, up, cp, request, payloadJson)).orElse(null);
            if (forwarded != null) {
                return forwarded;
            }
        }
        return handleLocally(cp, request);
    }

    Object handleLocally(ChargePoint cp, Request request) {
        if (request instanceof BootNotificationRequest boot) {
            return boot(cp, boot);
        }
        if (!cp.accepted()) {
            LOG.warn("chargeBox={} sent {} while not accepted ({}); refused", cp.id(), request.action().wireName(),
                    cp.registration() == null ? "no BootNotification yet" : cp.registration().wireValue());
            return RpcError.of("", RpcErrorCode.SECURITY_ERROR, "not accepted: send BootNotification first");
        }
        if (request instanceof HeartbeatRequest) {
            LOG.debug("chargeBox={} Heartbeat", cp.id());
            return new HeartbeatConfirmation(Instant.now());
        }
        if (request instanceof StatusNotificationRequest status) {
            return status(cp, status);
        }
        if (request instanceof AuthorizeRequest authorize) {
            IdTagInfo info = authorize(authorize.idTag(), null).info();
            if (info.status() == org.chargingmanager.ocpp.v16.AuthorizationStatus.ACCEPTED) {
                LOG.debug("chargeBox={} Authorize idTag={}: {}", cp.id(), authorize.idTag(), info.status().wireValue());
            } else { // a tag that belongs to no user shows up here: worth knowing
                LOG.info("chargeBox={} Authorize idTag={}: {}", cp.id(), authorize.idTag(), info.status().wireValue());
            }
            return new AuthorizeConfirmation(info);
        }
        if (request instanceof StartTransactionRequest start) {
            return start(cp, start);
        }
        if (request instanceof StopTransactionRequest stop) {
            return stop(cp, stop);
        }
        if (request instanceof MeterValuesRequest meterValues) {
            return meterValues(cp, meterValues);
        }
        if (request instanceof DataTransferRequest transfer) {
            return dataTransfer(cp, transfer);
        }
        if (request instanceof FirmwareStatusNotificationRequest firmware) {
            cp.firmwareStatus = firmware.status().wireValue();
            LOG.info("chargeBox={} FirmwareStatusNotification {}", cp.id(), cp.firmwareStatus);
            return new FirmwareStatusNotificationConfirmation();
        }
        if (request instanceof DiagnosticsStatusNotificationRequest diagnostics) {
            cp.diagnosticsStatus = diagnostics.status().wireValue();
            LOG.info("chargeBox={} DiagnosticsStatusNotification {}", cp.id(), cp.diagnosticsStatus);
            return new DiagnosticsStatusNotificationConfirmation();
        }
        if (request instanceof SecurityEventNotificationRequest event) {
            LOG.warn("chargeBox={} SecurityEventNotification {} at {}: {}", cp.id(), event.type(), event.timestamp(),
                    event.techInfo() == null ? "" : event.techInfo());
            return new SecurityEventNotificationConfirmation();
        }
        if (request instanceof SignedFirmwareStatusNotificationRequest firmware) {
            cp.firmwareStatus = firmware.status().wireValue();
            LOG.info("chargeBox={} SignedFirmwareStatusNotification {}", cp.id(), cp.firmwareStatus);
            return new SignedFirmwareStatusNotificationConfirmation();
        }
        if (request instanceof LogStatusNotificationRequest logStatus) {
            cp.diagnosticsStatus = logStatus.status().wireValue();
            LOG.info("chargeBox={} LogStatusNotification {}", cp.id(), cp.diagnosticsStatus);
            return new LogStatusNotificationConfirmation();
        }
        if (request instanceof org.chargingmanager.ocpp.v16.SignCertificateRequest sign && security != null) {
            return security.signCertificate(cp, sign);
        }
        LOG.info("chargeBox={} sent {}: not implemented by this central system", cp.id(), request.action().wireName());
        return RpcError.of("", RpcErrorCode.NOT_IMPLEMENTED, request.action().wireName() + " is not supported by this central system");
    }

    Object dataTransfer(ChargePoint cp, DataTransferRequest transfer) {
        int characters = transfer.data() == null ? 0 : transfer.data().length();
        if (MeterPublicKeys.DATA_TRANSFER_VENDOR.equalsIgnoreCase(transfer.vendorId())
                && MeterPublicKeys.DATA_TRANSFER_MESSAGE.equalsIgnoreCase(String.valueOf(transfer.messageId()))) {
            return meterConfiguration(cp, transfer);
        }
        Optional<DataTransferHandler> handler = backends.dataTransferHandler(transfer.vendorId());
        if (handler.isEmpty()) {
            LOG.info("chargeBox={} DataTransfer vendorId={} messageId={} ({} characters of data): UnknownVendorId",
                    cp.id(), transfer.vendorId(), transfer.messageId(), characters);
            return new DataTransferConfirmation(DataTransferStatus.UNKNOWN_VENDOR_ID, null);
        }
        try {
            DataTransferConfirmation answer = handler.get().handle(cp.id(), transfer);
            if (answer == null || answer.status() == null) {
                throw new IllegalStateException("the handler gave no status");
            }
            LOG.debug("chargeBox={} DataTransfer vendorId={} messageId={} ({} characters of data): {}", cp.id(),
                    transfer.vendorId(), transfer.messageId(), characters, answer.status().wireValue());
            return answer;
        } catch (RuntimeException e) {
            LOG.error("chargeBox={} DataTransfer vendorId={} messageId={}: the handler failed, answered Rejected: {}",
                    cp.id(), transfer.vendorId(), transfer.messageId(), e.toString());
            return new DataTransferConfirmation(DataTransferStatus.REJECTED, null);
        }
    }

    /** The meters' public keys, as German backends ask chargers to send them after boot. */
    private Object meterConfiguration(ChargePoint cp, DataTransferRequest transfer) {
        try {
            java.util.Map<Integer, String> keys = MeterPublicKeys.fromMeterConfiguration(transfer.data());
            LOG.info("chargeBox={} DataTransfer {}/{}: meter public keys for connectors {}", cp.id(), transfer.vendorId(),
                    transfer.messageId(), keys.keySet());
            ConnectSetup.offerMeterKeys(cp, keys, "DataTransfer " + MeterPublicKeys.DATA_TRANSFER_MESSAGE + " of charge point " + cp.id());
            return new DataTransferConfirmation(DataTransferStatus.ACCEPTED, null);
        } catch (IllegalArgumentException e) {
            LOG.warn("chargeBox={} DataTransfer {}/{} rejected: {}", cp.id(), transfer.vendorId(), transfer.messageId(),
                    e.getMessage());
            return new DataTransferConfirmation(DataTransferStatus.REJECTED, null);
        }
    }

    private Object boot(ChargePoint cp, BootNotificationRequest boot) {
        RegistrationStatus status = cp.registry().registrationOnBoot(cp);
        cp.registry().setupPacer().bootArrived();
        cp.booted(boot);
        int interval = heartbeatJitter.seconds(status == RegistrationStatus.ACCEPTED ? settings.heartbeatInterval()
                : java.time.Duration.ofSeconds(60));
        LOG.info("chargeBox={} BootNotification vendor={} model={} serial={} firmware={}: {}, interval {} s", cp.id(),
                boot.chargePointVendor(), boot.chargePointModel(), boot.chargePointSerialNumber(), boot.firmwareVersion(),
                status.wireValue(), interval);
        return new BootNotificationConfirmation(status, Instant.now(), interval);
    }

    private Object status(ChargePoint cp, StatusNotificationRequest status) {
        // routine traffic at DEBUG; a fault is worth knowing
        boolean fault = status.status() == org.chargingmanager.ocpp.v16.ChargePointStatus.FAULTED
                || status.errorCode() != org.chargingmanager.ocpp.v16.ChargePointErrorCode.NO_ERROR;
        if (fault) {
            LOG.info("chargeBox={} connector {} {} errorCode={}{}", cp.id(), status.connectorId(),
                    status.status().wireValue(), status.errorCode().wireValue(),
                    status.info() == null ? "" : " info=" + status.info());
        } else {
            LOG.debug("chargeBox={} connector {} {}", cp.id(), status.connectorId(), status.status().wireValue());
        }
        EvseState state = EvseStates.of(status.status());
        Instant at = Instant.now();
        cp.reservations.status(status.connectorId(), status.status());
        if (status.connectorId() == 0) {
            if (state == EvseState.UNAVAILABLE || state == EvseState.FAULTED) {
                cp.forEachEvse(evse -> evse.state(state, at, at));
            }
        } else {
            cp.evse(status.connectorId()).state(state, at, at);
        }
        return new StatusNotificationConfirmation();
    }

    private record AuthorizationResult(IdTagInfo info, String userId) {
    }

    private AuthorizationResult authorize(String idTag, String evseId) {
        Optional<Authorizer> authorizer = backends.authorizer();
        if (authorizer.isEmpty()) {
            AuthorizationStatus status = settings.acceptWithoutAuthorizer() ? AuthorizationStatus.ACCEPTED : AuthorizationStatus.INVALID;
            return new AuthorizationResult(new IdTagInfo(null, null, status), null);
        }
        Authorization authorization = authorizer.get().authorize(idTag, evseId);
        AuthorizationStatus status = switch (authorization.status()) {
            case ACCEPTED -> AuthorizationStatus.ACCEPTED;
            case BLOCKED -> AuthorizationStatus.BLOCKED;
            case EXPIRED -> AuthorizationStatus.EXPIRED;
            case INVALID -> AuthorizationStatus.INVALID;
            case CONCURRENT_TX -> AuthorizationStatus.CONCURRENT_TX;
        };
        return new AuthorizationResult(new IdTagInfo(authorization.expiry(), authorization.parentIdTag(), status),
                authorization.userId());
    }

    private Object start(ChargePoint cp, StartTransactionRequest start) {
        Object recorded = recordStart(cp, start);
        if (!(recorded instanceof StartRecorded started)) {
            return recorded;
        }
        transactionStarted(cp, start, started.transactionId(), started.info());
        return new StartTransactionConfirmation(started.info(), started.transactionId());
    }

    /** A StartTransaction written to our transaction log: its ID there and our authorization of the tag. */
    record StartRecorded(IdTagInfo info, int transactionId) {
    }

    /** Writes the transaction to our log; a {@link StartRecorded}, or an {@link RpcError} to answer. */
    Object recordStart(ChargePoint cp, StartTransactionRequest start) {
        String evseId = OcppEvse.evseId(cp.id(), start.connectorId());
        AuthorizationResult authorization = authorize(start.idTag(), evseId);
        int transactionId;
        Optional<TransactionLog> log = backends.transactionLog();
        if (log.isPresent()) {
            try {
                Transaction transaction = log.get().start(new TransactionStart(evseId, cp.id(), start.connectorId(),
                        authorization.userId(), start.idTag(), OffsetDateTime.ofInstant(start.timestamp(), ZoneId.systemDefault()),
                        start.meterStart()));
                transactionId = Math.toIntExact(transaction.id());
            } catch (TransactionLogException | ArithmeticException e) {
                LOG.error("chargeBox={} StartTransaction connector {} idTag={} not recorded: {}", cp.id(),
                        start.connectorId(), start.idTag(), e.getMessage());
                return RpcError.of("", RpcErrorCode.INTERNAL_ERROR, "the transaction log is not available; retry later");
            }
        } else {
            transactionId = fallbackTransactionIds.incrementAndGet();
            LOG.warn("chargeBox={} no transaction log installed: transaction {} is not recorded", cp.id(), transactionId);
        }
        return new StartRecorded(authorization.info(), transactionId);
    }

    /** The charge point was given {@code chargePointTransactionId} for its transaction. */
    void transactionStarted(ChargePoint cp, StartTransactionRequest start, int chargePointTransactionId, IdTagInfo info) {
        transactionStarted(cp, start, chargePointTransactionId, info.parentIdTag(), info.status().wireValue(), "");
    }

    /** @param note e.g. how the ID relates to the transaction log's */
    void transactionStarted(ChargePoint cp, StartTransactionRequest start, int chargePointTransactionId,
            String parentIdTag, String status, String note) {
        cp.transactions.put(start.connectorId(), chargePointTransactionId);
        cp.reservations.transactionStarted(start, parentIdTag);
        cp.evse(start.connectorId()).idTag(start.idTag(), Instant.now());
        LOG.info("chargeBox={} connector {} StartTransaction transactionId={}{} idTag={} meterStart={} Wh: {}", cp.id(),
                start.connectorId(), chargePointTransactionId, note, start.idTag(), start.meterStart(), status);
    }

    private Object stop(ChargePoint cp, StopTransactionRequest stop) {
        return stop(cp, stop, stop.transactionId());
    }

    /** Whether our log has this transaction and it is stopped (a StopTransaction sent again). */
    boolean stoppedAlready(long logTransactionId) {
        try {
            return backends.transactionLog().isPresent() && backends.transactionLog().get().find(logTransactionId)
                    .map(transaction -> !transaction.open()).orElse(false);
        } catch (TransactionLogException e) {
            return false;
        }
    }

    /** @param logTransactionId the transaction in our log ({@code stop.transactionId()} unless passed through) */
    Object stop(ChargePoint cp, StopTransactionRequest stop, long logTransactionId) {
        Integer connectorId = cp.transactions.entrySet().stream()
                .filter(entry -> entry.getValue() == stop.transactionId()).map(java.util.Map.Entry::getKey)
                .findFirst().orElse(null);
        Optional<TransactionLog> log = backends.transactionLog();
        String evseId = null;
        if (log.isPresent()) {
            try {
                Optional<Transaction> transaction = log.get().find(logTransactionId);
                if (transaction.isEmpty()) {
                    LOG.warn("chargeBox={} StopTransaction for unknown transactionId={} (meterStop={} Wh): confirmed, not recorded",
                            cp.id(), logTransactionId, stop.meterStop());
                } else if (!transaction.get().open()) {
                    // a resend (the charger lost our confirmation): its signed values are attached already,
                    // a second B/E pair would break the transparency software's one-B-one-E rule
                    evseId = transaction.get().evseId();
                    LOG.info("chargeBox={} StopTransaction transactionId={} already stopped: confirmed again, nothing attached or recorded",
                            cp.id(), logTransactionId);
                } else {
                    evseId = transaction.get().evseId();
                    attachSigned(cp, log.get(), logTransactionId, evseId, stop.transactionData(),
                            transaction.get().meterStartWattHours(), (long) stop.meterStop());
                    Transaction stopped = log.get().stop(logTransactionId, new TransactionStop(
                            OffsetDateTime.ofInstant(stop.timestamp(), ZoneId.systemDefault()), stop.meterStop(),
                            stop.reason() == null ? "Local" : stop.reason().wireValue()));
                    LOG.info("chargeBox={} StopTransaction transactionId={} meterStop={} Wh energy={} Wh reason={}", cp.id(),
                            logTransactionId, stop.meterStop(), stopped.energyWattHours(),
                            stop.reason() == null ? "Local" : stop.reason().wireValue());
                }
            } catch (TransactionLogException e) {
                LOG.error("chargeBox={} StopTransaction transactionId={} not recorded: {}", cp.id(), logTransactionId,
                        e.getMessage());
                return RpcError.of("", RpcErrorCode.INTERNAL_ERROR, "the transaction log is not available; retry later");
            }
        } else {
            LOG.info("chargeBox={} StopTransaction transactionId={} meterStop={} Wh (no transaction log installed)", cp.id(),
                    stop.transactionId(), stop.meterStop());
        }
        if (connectorId != null) {
            cp.transactions.remove(connectorId);
            cp.evse(connectorId).idTag(null, Instant.now());
        }
        IdTagInfo info = stop.idTag() == null ? null : authorize(stop.idTag(), evseId).info();
        return new StopTransactionConfirmation(info);
    }

    private Object meterValues(ChargePoint cp, MeterValuesRequest request) {
        return meterValues(cp, request, request.transactionId() == null ? 0 : request.transactionId());
    }

    /** @param logTransactionId the transaction in our log (the request's unless passed through), 0: none */
    Object meterValues(ChargePoint cp, MeterValuesRequest request, long logTransactionId) {
        if (request.connectorId() > 0) {
            Normalization normalization = MeterValueNormalizer.normalize(request.meterValue());
            Double power = normalization.latest(Measurand.POWER_ACTIVE_IMPORT, null).map(NormalizedSample::value).orElse(null);
            Double energy = normalization.latest(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null).map(NormalizedSample::value).orElse(null);
            PhaseCurrents currents = currents(normalization);
            Instant at = request.meterValue().get(request.meterValue().size() - 1).timestamp();
            Instant seenAt = Instant.now();
            cp.evse(request.connectorId()).meter(at == null ? seenAt : at, seenAt, currents, power, energy);
            LOG.debug("chargeBox={} connector {} MeterValues power={} W energy={} Wh currents={}", cp.id(),
                    request.connectorId(), power, energy, currents);
        }
        if (request.transactionId() != null && hasSigned(request.meterValue())) {
            Optional<TransactionLog> log = backends.transactionLog();
            if (log.isPresent()) {
                try {
                    Optional<Transaction> transaction = log.get().find(logTransactionId);
                    if (transaction.isEmpty()) {
                        LOG.warn("chargeBox={} signed meter values for unknown transactionId={}: not stored", cp.id(),
                                logTransactionId);
                    } else {
                        attachSigned(cp, log.get(), logTransactionId, transaction.get().evseId(),
                                request.meterValue(), transaction.get().meterStartWattHours(),
                                transaction.get().meterStopWattHours());
                    }
                } catch (TransactionLogException e) {
                    LOG.error("chargeBox={} signed meter values of transactionId={} not stored: {}", cp.id(),
                            logTransactionId, e.getMessage());
                    return RpcError.of("", RpcErrorCode.INTERNAL_ERROR, "the transaction log is not available; retry later");
                }
            }
        }
        return new MeterValuesConfirmation();
    }

    private static PhaseCurrents currents(Normalization normalization) {
        Optional<NormalizedSample> l1 = normalization.latest(Measurand.CURRENT_IMPORT, Phase.L1);
        Optional<NormalizedSample> l2 = normalization.latest(Measurand.CURRENT_IMPORT, Phase.L2);
        Optional<NormalizedSample> l3 = normalization.latest(Measurand.CURRENT_IMPORT, Phase.L3);
        if (l1.isEmpty() && l2.isEmpty() && l3.isEmpty()) {
            return normalization.latest(Measurand.CURRENT_IMPORT, null)
                    .map(total -> new PhaseCurrents(milliamps(total), 0, 0)).orElse(null);
        }
        return new PhaseCurrents(l1.map(CentralSystemHandler::milliamps).orElse(0),
                l2.map(CentralSystemHandler::milliamps).orElse(0), l3.map(CentralSystemHandler::milliamps).orElse(0));
    }

    private static int milliamps(NormalizedSample sample) {
        return (int) Math.round(sample.value() * 1000);
    }

    private static boolean hasSigned(List<MeterValue> values) {
        return values != null && values.stream().flatMap(value -> value.sampledValue().stream())
                .anyMatch(sampled -> sampled.format() == ValueFormat.SIGNED_DATA);
    }

    /**
     * Each SignedData value, byte for byte: checked against the EVSE's trusted key and against the
     * transaction's meter start and stop, then attached. A value that the trusted-key service
     * rejects (it does not verify with the stored key) is not stored as billing data: only a
     * marker without the data, with status FAILED, is attached, so the transaction shows red.
     */
    private void attachSigned(ChargePoint cp, TransactionLog log, long transactionId, String evseId, List<MeterValue> values,
            long meterStartWattHours, Long meterStopWattHours) throws TransactionLogException {
        if (values == null) {
            return;
        }
        Optional<TrustedKeys> trustedKeys = backends.trustedKeys();
        for (MeterValue value : values) {
            for (SampledValue sampled : value.sampledValue()) {
                if (sampled.format() != ValueFormat.SIGNED_DATA) {
                    continue;
                }
                String context = sampled.context() == null ? "Sample.Periodic" : sampled.context().wireValue();
                VerificationStatus status = VerificationStatus.NOT_VERIFIABLE;
                String reason = "no trusted-key service installed";
                if (trustedKeys.isPresent()) {
                    SignedDataAdmission admission = trustedKeys.get().admit(evseId, sampled.value());
                    status = admission.result().status();
                    reason = admission.result().reason();
                    if (!admission.accepted()) {
                        LOG.warn("chargeBox={} transactionId={} SECURITY: signed meter value ({}) does not verify with the stored key of {}: {}; not stored as billing data. Data: {}",
                                cp.id(), transactionId, context, evseId, reason, sampled.value());
                        log.attachSignedMeterValue(transactionId, new SignedMeterValue("", context, Instant.now(),
                                VerificationStatus.FAILED, "rejected, not stored as billing data: " + reason));
                        continue;
                    }
                    if (status == VerificationStatus.VERIFIED) {
                        String disagreement = SignedReadingAgreement.check(context, admission.result().readings(),
                                meterStartWattHours, meterStopWattHours);
                        if (disagreement != null) {
                            LOG.warn("chargeBox={} transactionId={} signed meter value ({}) of {}: {}", cp.id(),
                                    transactionId, context, evseId, disagreement);
                            status = VerificationStatus.FAILED;
                            reason = disagreement;
                        }
                    }
                }
                log.attachSignedMeterValue(transactionId, new SignedMeterValue(sampled.value(), context, Instant.now(), status, reason));
                LOG.info("chargeBox={} transactionId={} signed meter value ({}) stored: {}", cp.id(), transactionId, context, status);
            }
        }
    }
}
