package org.chargingmanager.smgw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.grid.Restriction;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutual-TLS channel with certificates made by the test: our key pair generated on first use, an SMGW CA and
 * the SMGW's HAN certificate signed by it, and strangers.
 */
class SmgwChannelTest {

    @TempDir
    Path directory;
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final AtomicInteger signalled = new AtomicInteger();
    private TestPki.Identity smgwCa;
    private TestPki.Identity smgw;
    private SmgwKeys keys;
    private SmgwSource source;
    private MtlsListener listener;

    @BeforeEach
    void start() throws Exception {
        values.put("AVAIL", "100");
        values.put("TARIF", "0");
        values.put("LIMIT", "22000");
        smgwCa = TestPki.selfSigned("CN=SMGW test CA", true);
        smgw = TestPki.issuedBy(smgwCa, "CN=SMGW HAN EDL0123456789");
        Path trusted = TestPki.pem(directory.resolve("smgw-ca.pem"), smgwCa.certificate());
        keys = SmgwKeys.load("", "", trusted.toString(), directory.resolve("smgw"), "CN=chargingmanager");
        source = new SmgwSource(new GridSourceInfo("smgw", "SMGW", "AVAIL", "%", 100, FailsafeSettings.none()));
        SmgwApi api = new SmgwApi(variables, signals, source, SmgwApi.allowedVariables(new String[] { "AVAIL,TARIF" }),
                Clock.systemUTC());
        listener = new MtlsListener(keys.sslContext(), InetAddress.getLoopbackAddress(), 0, api::handle);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    record Answer(int status, String body) {
    }

    /** A raw HTTPS/1.1 request over an SSLSocket presenting {@code identity}. */
    private Answer request(TestPki.Identity identity, String protocol, String method, String target, String body)
            throws Exception {
        SSLContext context = TestPki.context(identity, keys.certificate(), "TLS");
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                listener.port())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] { protocol });
            socket.startHandshake();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: cm\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    private Answer get(String target) throws Exception {
        return request(smgw, "TLSv1.3", "GET", target, null);
    }

    @Test
    void theSmgwSetsAvailWithoutAPasswordAndTheChangeIsSignalled() throws Exception {
        Answer answer = get("/cnf?cmd=set_cm_vars&name=AVAIL&val=30");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("{\"name\":\"AVAIL\",\"expr\":30,\"value\":30}");
        assertThat(values.get("AVAIL")).isEqualTo("30");
        assertThat(source.current(Instant.now()).value()).isEqualTo(30);
        assertThat(source.current(Instant.now()).lastContact()).isNotNull();
        assertThat(signalled.get()).isEqualTo(1);

        Answer post = request(smgw, "TLSv1.2", "POST", "/cnf?cmd=set_cm_vars",
                "{\"vars\": [{\"name\": \"tarif\", \"expr\": 1}, {\"name\": \"AVAIL\", \"expr\": \"50\"}]}");
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        assertThat(values.get("TARIF")).isEqualTo("1");
        assertThat(values.get("AVAIL")).isEqualTo("50");
        assertThat(get("/cnf?cmd=get_cm_vars").body()).contains("\"LIMIT\"");
    }

    @Test
    void aVariableOutsideTheAllowedSetIs403AndNothingChanges() throws Exception {
        Answer answer = request(smgw, "TLSv1.3", "POST", "/cnf?cmd=set_cm_vars",
                "{\"vars\": [{\"name\": \"AVAIL\", \"expr\": 10}, {\"name\": \"LIMIT\", \"expr\": 0}]}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("may not set LIMIT").contains("allowed: AVAIL, TARIF");
        assertThat(values).containsEntry("AVAIL", "100").containsEntry("LIMIT", "22000");
        assertThat(get("/cnf?cmd=set_cm_vars&name=AVAIL&val=0&clear=1").status()).isEqualTo(403);
        assertThat(values).containsEntry("AVAIL", "100");
        assertThat(signalled.get()).isZero();
    }

    @Test
    void badRequestsAreAnsweredInHttpTerms() throws Exception {
        assertThat(get("/cnf?cmd=set_cm_vars&name=AVAIL").status()).isEqualTo(400);
        assertThat(get("/cnf?cmd=set_cm_vars&name=AVAIL&val=abc").body()).contains("AVAIL: unknown");
        assertThat(request(smgw, "TLSv1.3", "POST", "/cnf?cmd=set_cm_vars", "{nonsense").body())
                .contains("not valid JSON");
        assertThat(get("/cnf?cmd=reboot").status()).isEqualTo(400);
        assertThat(get("/system/console").status()).isEqualTo(404);
        assertThat(request(smgw, "TLSv1.3", "DELETE", "/cnf?cmd=get_cm_vars", null).status()).isEqualTo(405);
        assertThat(values).containsEntry("AVAIL", "100");
    }

    @Test
    void aPeerWithAnotherCertificateOrNoneIsRefusedAtTheHandshake() throws Exception {
        TestPki.Identity stranger = TestPki.selfSigned("CN=SMGW HAN EDL0123456789", false);
        assertThatThrownBy(() -> request(stranger, "TLSv1.3", "GET", "/cnf?cmd=set_cm_vars&name=AVAIL&val=0", null))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> request(stranger, "TLSv1.2", "GET", "/cnf?cmd=set_cm_vars&name=AVAIL&val=0", null))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> request(null, "TLSv1.2", "GET", "/cnf?cmd=set_cm_vars&name=AVAIL&val=0", null))
                .isInstanceOf(IOException.class);
        assertThat(values).containsEntry("AVAIL", "100");
        assertThat(source.current(Instant.now()).lastContact()).isNull();
    }

    @Test
    void tls11IsRefused() throws Exception {
        assertThatThrownBy(() -> request(smgw, "TLSv1.1", "GET", "/cnf?cmd=get_cm_vars", null))
                .isInstanceOf(IOException.class);
        // and not only because this JDK's client disables it: the listener does not offer it
        try (javax.net.ssl.SSLServerSocket probe = (javax.net.ssl.SSLServerSocket) keys.sslContext()
                .getServerSocketFactory().createServerSocket()) {
            assertThat(probe.getSupportedProtocols()).contains("TLSv1.1");
        }
        Answer ok = get("/cnf?cmd=get_cm_vars");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void theGeneratedKeyIsKeptAndItsCsrIsSignedByIt() throws Exception {
        Path smgwDirectory = directory.resolve("smgw");
        assertThat(Files.readString(smgwDirectory.resolve(SmgwKeys.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(smgwDirectory.resolve(SmgwKeys.KEY_FILE)))).isEqualTo("rw-------");
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(keys.csr()))) {
            PKCS10CertificationRequest csr = (PKCS10CertificationRequest) parser.readObject();
            assertThat(csr.getSubject().toString()).isEqualTo("CN=chargingmanager");
            assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.certificate().getPublicKey())))
                    .isTrue();
        }
        SmgwKeys again = SmgwKeys.load("", "", directory.resolve("smgw-ca.pem").toString(), smgwDirectory,
                "CN=chargingmanager");
        assertThat(again.certificate()).as("generated once, then kept").isEqualTo(keys.certificate());
    }

    @Test
    void aPkcs12FileWithKeyAndChainServesAsOurIdentity() throws Exception {
        TestPki.Identity ours = TestPki.selfSigned("CN=chargingmanager p12", false);
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("cm", ours.keys().getPrivate(), "secret-p12".toCharArray(),
                new java.security.cert.X509Certificate[] { ours.certificate() });
        Path p12 = directory.resolve("cm.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "secret-p12".toCharArray());
        }
        SmgwKeys loaded = SmgwKeys.load(p12.toString(), "", directory.resolve("smgw-ca.pem").toString(),
                directory.resolve("unused"), "CN=x", "secret-p12".toCharArray());
        assertThat(loaded.certificate()).isEqualTo(ours.certificate());
        assertThat(loaded.csr()).isNull();
        assertThat(loaded.sslContext()).isNotNull();
        assertThatThrownBy(() -> SmgwKeys.load(p12.toString(), "", "", directory, "CN=x", "wrong".toCharArray()))
                .hasMessageContaining("wrong password?").hasMessageNotContaining("secret");
    }

    private final Variables variables = new Variables() {
        @Override
        public List<Variable> list() {
            synchronized (values) {
                return values.entrySet().stream().map(e -> new Variable(e.getKey(), e.getValue(),
                        Double.parseDouble(e.getValue()), "")).toList();
            }
        }

        @Override
        public Optional<Variable> get(String name) {
            return list().stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
        }

        @Override
        public Variable set(String name, String expression) throws InvalidExpressionException {
            setAll(List.of(new VariableDefinition(name, expression)), false);
            return get(name).orElseThrow();
        }

        @Override
        public void setAll(List<VariableDefinition> definitions, boolean clearFirst) throws InvalidExpressionException {
            synchronized (values) {
                for (VariableDefinition d : definitions) {
                    evaluate(d.expression());
                }
                for (VariableDefinition d : definitions) {
                    values.put(d.name().toUpperCase(), d.expression());
                }
            }
        }

        @Override
        public boolean remove(String name) {
            return values.remove(name) != null;
        }

        @Override
        public double evaluate(String expression) throws InvalidExpressionException {
            try {
                return Double.parseDouble(expression);
            } catch (NumberFormatException e) {
                throw new InvalidExpressionException("unknown variable '" + expression + "'");
            }
        }
    };

    private final GridSignals signals = new GridSignals() {
        @Override
        public void signalChanged(String sourceId) {
            signalled.incrementAndGet();
        }

        @Override
        public List<GridSourceStatus> status() {
            return List.of();
        }

        @Override
        public List<Restriction> restrictions(Instant from, Instant to) {
            return List.of(new Restriction(7, "smgw", "SMGW", Instant.parse("2026-12-06T10:00:00Z"),
                    Instant.parse("2026-12-06T10:15:00Z"), 30, "%", false, 9000, 10500.4, 12000, 900));
        }
    };

    @Test
    void theGridOperatorDownloadsTheRestrictionLogOverTheChannel() throws Exception {
        Answer csv = get("/api/v1/grid/restrictions.csv?from=2026-12-01");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo("id,source,kind,start,end,duration_s,requested_limit,unit,failsafe,"
                + "min_power_w,avg_power_w,max_power_w,samples\r\n"
                + "7,smgw,SMGW,2026-12-06T10:00:00Z,2026-12-06T10:15:00Z,900,30,%,false,9000,10500,12000,900\r\n");
        assertThat(get("/api/v1/grid/restrictions.csv?from=yesterday").status()).isEqualTo(400);
    }

    static Set<String> unused() {
        return Set.of(Duration.ZERO.toString());
    }
}
