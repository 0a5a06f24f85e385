package org.chargingmanager.ocpp.gateway.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One upstream connection's settings, checked. {@link #toString()} never shows the password.
 *
 * @param uri the backend URL as configured
 * @param chargeBoxId the identity towards the backend
 * @param appendChargeBoxId whether the ID is appended to the URL's path
 * @param password the Basic auth password, {@code ""} for none
 * @param evseIds the charging points, connector 1, 2, ... in this order; in pass-through mode the
 *        wallbox's EVSEs the backend's charging profiles cap (default {@code ocpp-<id>-1})
 * @param idTag the fixed ID tag, {@code ""} for none
 * @param passThroughChargeBoxId an OCPP wallbox on our central system passed through to the
 *        backend, {@code ""}: the charging points of {@code evseIds} as a virtual charge point
 */
record GatewaySettings(URI uri, String chargeBoxId, boolean appendChargeBoxId, String password, List<String> evseIds,
        String idTag, OfflineAuthorization offlineAuthorization, String caCertificatesFile,
        String clientCertificateFile, String clientKeyFile, boolean tlsOnly, String chargePointVendor,
        String chargePointModel, String chargePointSerialNumber, int queueCapacity, Duration responseTimeout,
        String passThroughChargeBoxId) {

    GatewaySettings {
        if (uri == null || uri.getScheme() == null
                || !List.of("ws", "wss").contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be ws://host/... or wss://host/..., not " + uri);
        }
        if (tlsOnly && !uri.getScheme().equalsIgnoreCase("wss")) {
            throw new IllegalArgumentException("tlsOnly is set: url must be wss://, not " + uri.getScheme() + "://");
        }
        if (chargeBoxId == null || chargeBoxId.isBlank() || chargeBoxId.length() > 48
                || !chargeBoxId.chars().allMatch(c -> c > 32 && c < 127 && c != '/' && c != ':')) {
            throw new IllegalArgumentException("chargeBoxId must have 1 to 48 printable characters without '/', ':' "
                    + "or spaces");
        }
        evseIds = evseIds == null ? List.of() : evseIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        passThroughChargeBoxId = passThroughChargeBoxId == null ? "" : passThroughChargeBoxId.strip();
        if (evseIds.isEmpty() && passThroughChargeBoxId.isEmpty()) {
            throw new IllegalArgumentException("evseIds must name at least one charging point (or set "
                    + "passThroughChargeBoxId)");
        }
        if (idTag != null && idTag.length() > 20) {
            throw new IllegalArgumentException("idTag must have at most 20 characters");
        }
        password = password == null ? "" : password;
        idTag = idTag == null ? "" : idTag.strip();
        if (queueCapacity < 10) {
            throw new IllegalArgumentException("queueCapacity must be at least 10");
        }
    }

    static GatewaySettings from(GatewayConfig config) {
        URI uri;
        try {
            uri = new URI(config.url() == null ? "" : config.url().strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is no URL: " + e.getMessage());
        }
        OfflineAuthorization policy;
        try {
            policy = OfflineAuthorization.valueOf(config.offlineAuthorization().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("offlineAuthorization must be one of "
                    + Arrays.toString(OfflineAuthorization.values()));
        }
        return new GatewaySettings(uri, config.chargeBoxId() == null ? null : config.chargeBoxId().strip(),
                config.appendChargeBoxId(), config.password(),
                config.evseIds() == null ? List.of() : Arrays.asList(config.evseIds()), config.idTag(), policy,
                blankToEmpty(config.caCertificatesFile()), blankToEmpty(config.clientCertificateFile()),
                blankToEmpty(config.clientKeyFile()), config.tlsOnly(), blankToEmpty(config.chargePointVendor()),
                blankToEmpty(config.chargePointModel()), blankToEmpty(config.chargePointSerialNumber()),
                config.queueCapacity(), Duration.ofSeconds(Math.max(1, config.responseTimeoutSeconds())),
                config.passThroughChargeBoxId());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    boolean passThrough() {
        return !passThroughChargeBoxId.isEmpty();
    }

    /** Pass-through: the EVSEs of the wallbox's connectors 1, 2, ... as our central system names them. */
    List<String> passThroughEvseIds() {
        return evseIds.isEmpty() ? List.of("ocpp-" + passThroughChargeBoxId + "-1") : evseIds;
    }

    boolean secure() {
        return uri.getScheme().equalsIgnoreCase("wss");
    }

    /** The URL connected to: the configured one with the charge box ID as the last path segment. */
    URI connectUri() {
        if (!appendChargeBoxId) {
            return uri;
        }
        String text = uri.toString();
        String query = "";
        int q = text.indexOf('?');
        if (q >= 0) {
            query = text.substring(q);
            text = text.substring(0, q);
        }
        String encodedId = java.net.URLEncoder.encode(chargeBoxId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create((text.endsWith("/") ? text : text + "/") + encodedId + query);
    }

    /** The value of the Authorization header, or {@code null} without a password. */
    String authorizationHeader() {
        if (password.isEmpty()) {
            return null;
        }
        byte[] user = (chargeBoxId + ":").getBytes(StandardCharsets.UTF_8);
        byte[] secret = authorizationKeyBytes(password);
        byte[] all = Arrays.copyOf(user, user.length + secret.length);
        System.arraycopy(secret, 0, all, user.length, secret.length);
        Arrays.fill(secret, (byte) 0);
        return "Basic " + Base64.getEncoder().encodeToString(all);
    }

    /**
     * The password as sent: 40 hex digits are the 20-byte AuthorizationKey in the form most
     * backends expect (its bytes, not the digits); anything else as UTF-8 text.
     */
    static byte[] authorizationKeyBytes(String password) {
        if (password.length() == 40 && password.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(password);
        }
        return password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GatewaySettings[url=" + uri + ", chargeBoxId=" + chargeBoxId + ", evseIds=" + evseIds
                + ", password=" + (password.isEmpty() ? "none" : "***") + "]";
    }
}
