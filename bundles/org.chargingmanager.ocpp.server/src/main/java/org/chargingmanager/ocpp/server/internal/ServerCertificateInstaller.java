package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Puts an uploaded server certificate to work: the checked chain and key are written to
 * {@code <data>/ocpp-server/imported-cert.pem} and {@code imported-key.pem} (owner only,
 * unencrypted like the generated key beside it) and the OCPP server's configuration is pointed
 * at them, which restarts the server with the new TLS material. Reverting points it back to the
 * generated self-signed certificate.
 */
public final class ServerCertificateInstaller {

    public static final String PID = "org.chargingmanager.ocpp.server";
    static final String CERTIFICATE_FILE = "certificateFile";
    static final String PRIVATE_KEY_FILE = "privateKeyFile";
    static final String KEY_PASSWORD = "keyPassword";

    /** Where the server's certificate comes from. */
    public enum Source { GENERATED, IMPORTED, FILE }

    private final ConfigurationAdmin configurationAdmin;
    private final Path certificateFile;
    private final Path keyFile;

    public ServerCertificateInstaller(ConfigurationAdmin configurationAdmin, Path dataDirectory) {
        this.configurationAdmin = configurationAdmin;
        Path directory = dataDirectory.resolve("ocpp-server");
        this.certificateFile = directory.resolve("imported-cert.pem");
        this.keyFile = directory.resolve("imported-key.pem");
    }

    public void install(ServerCertificateImport.Checked material) throws IOException {
        Files.createDirectories(certificateFile.getParent());
        PemFiles.write(keyFile, PemFiles.pem(material.key()), true);
        PemFiles.write(certificateFile, PemFiles.pem(material.chain().toArray()), false);
        Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = properties(configuration);
        properties.put(CERTIFICATE_FILE, certificateFile.toString());
        properties.put(PRIVATE_KEY_FILE, keyFile.toString());
        properties.put(KEY_PASSWORD, "");
        configuration.update(properties);
    }

    /** Back to the generated self-signed certificate; the imported files are removed. */
    public void revertToGenerated() throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = properties(configuration);
        properties.put(CERTIFICATE_FILE, "");
        properties.put(PRIVATE_KEY_FILE, "");
        properties.put(KEY_PASSWORD, "");
        configuration.update(properties);
        Files.deleteIfExists(keyFile);
        Files.deleteIfExists(certificateFile);
    }

    public Source source() throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        Object file = properties == null ? null : properties.get(CERTIFICATE_FILE);
        if (file == null || file.toString().isBlank()) {
            return Source.GENERATED;
        }
        return Path.of(file.toString().trim()).equals(certificateFile) ? Source.IMPORTED : Source.FILE;
    }

    /**
     * The certificate chain the configuration names — the uploaded or the generated one — read from
     * its file, so it is right at once while the server restarts; empty for a file configured by
     * hand (then ask the running server) or before the first certificate was generated.
     */
    public java.util.List<java.security.cert.X509Certificate> storedCertificates() throws IOException {
        Path file = switch (source()) {
            case IMPORTED -> certificateFile;
            case GENERATED -> certificateFile.resolveSibling("server-cert.pem");
            case FILE -> null;
        };
        if (file == null || !Files.exists(file)) {
            return java.util.List.of();
        }
        try {
            return ServerKeyMaterial.readCertificates(file);
        } catch (java.security.GeneralSecurityException e) {
            return java.util.List.of();
        }
    }

    /** The OCPP server's TLS mode as configured (OFF, DETECT, ON). */
    public String tlsMode() throws IOException {
        Dictionary<String, Object> properties = configurationAdmin.getConfiguration(PID, null).getProperties();
        Object mode = properties == null ? null : properties.get("tls");
        return mode == null || mode.toString().isBlank() ? "DETECT" : mode.toString().trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static Dictionary<String, Object> properties(Configuration configuration) {
        Dictionary<String, Object> current = configuration.getProperties();
        return current == null ? new Hashtable<>() : current;
    }
}
