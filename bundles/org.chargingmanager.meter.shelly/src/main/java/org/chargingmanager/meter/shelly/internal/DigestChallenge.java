package org.chargingmanager.meter.shelly.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP digest authentication (RFC 7616) as Shelly Gen2+ devices ask for it: {@code WWW-Authenticate: Digest
 * qop="auth", realm="shellypro3em-...", nonce="...", algorithm=SHA-256}; MD5 when no algorithm is named. One
 * challenge answers many requests with a growing nonce count until the device sends a new one. Pure apart from the
 * random client nonce; the password stays inside.
 */
final class DigestChallenge {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String nonce;
    private final String opaque;
    private final String algorithm;
    private final boolean qopAuth;
    private int nonceCount;

    private DigestChallenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth) {
        this.realm = realm;
        this.nonce = nonce;
        this.opaque = opaque;
        this.algorithm = algorithm;
        this.qopAuth = qopAuth;
    }

    /**
     * @param header the {@code WWW-Authenticate} header
     * @throws IllegalArgumentException when it is no digest challenge this class can answer
     */
    static DigestChallenge parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("the device asks for authentication other than HTTP digest");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(header.substring(7));
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT),
                    matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        String algorithm = parameters.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256")) {
            throw new IllegalArgumentException("the device asks for digest algorithm " + algorithm);
        }
        if (!parameters.containsKey("realm") || !parameters.containsKey("nonce")) {
            throw new IllegalArgumentException("the device's digest challenge has no realm or nonce");
        }
        String qop = parameters.get("qop");
        boolean qopAuth = qop != null && List.of(qop.split(",")).stream().map(String::strip).anyMatch("auth"::equals);
        return new DigestChallenge(parameters.get("realm"), parameters.get("nonce"), parameters.get("opaque"),
                algorithm, qopAuth);
    }

    /** The {@code Authorization} header for one request. */
    synchronized String authorization(String username, String password, String method, String uri) {
        String ha1 = hash(username + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm);
        if (qopAuth) {
            nonceCount++;
            String nc = String.format(Locale.ROOT, "%08x", nonceCount);
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            String cnonce = HexFormat.of().formatHex(random);
            String response = hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(response).append('"');
        } else {
            header.append(", response=\"").append(hash(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) {
            header.append(", opaque=\"").append(opaque).append('"');
        }
        return header.toString();
    }

    private String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
