package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;

import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.SignedMeterValueChecker;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signed meter value downloads for the transparency software over real HTTP: one
 * transaction, one wallbox, all; the XML is well-formed, carries the signed data byte for byte and
 * the charging point's trusted key, and verifies with the project's own checker.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignedValuesDownloadIT {

    /** A real KEBA KCP30 record (begin and end reading) and its meter's key. */
    static final String DATA = "OCMF|{\"FV\":\"1.0\",\"GI\":\"KEBA_KCP30\",\"GS\":\"17619300\",\"GV\":\"2.8.5\",\"PG\":\"T32\","
            + "\"IS\":false,\"IL\":\"NONE\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],"
            + "\"IT\":\"NONE\",\"ID\":\"\",\"RD\":[{\"TM\":\"2019-08-13T10:03:15,000+0000 I\",\"TX\":\"B\",\"EF\":\"\","
            + "\"ST\":\"G\",\"RV\":0.2596,\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\"},{\"TM\":\"2019-08-13T10:03:36,000+0000 R\","
            + "\"TX\":\"E\",\"EF\":\"\",\"ST\":\"G\",\"RV\":0.2597,\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\"}]}|{\"SD\":"
            + "\"304502200E2F107C987A300AC1695CA89EA149A8CDFA16188AF0A33EE64B67964AA943F9022100889A72B6D65364BEA8562E7F"
            + "6A0253157ACFF84FE4929A93B5964D23C4265699\"}";
    static final String KEY = "3059301306072A8648CE3D020106082A8648CE3D030107034200043AEEB45C392357820A58FDFB0857BD77ADA3"
            + "1585C61C430531DFA53B440AFBFDD95AC887C658EA55260F808F55CA948DF235C2108A0D6DC7D4AB1A5E1A7955BE";

    @Inject
    private BundleContext context;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("signed-values"), StandaloneRuntime.freePort(),
                name -> true);
    }

    @Test
    public void downloadsVerifyByteForByte() throws Exception {
        TransactionLog log = Await.value("TransactionLog", BillingSession.TIMEOUT,
                () -> Services.service(context, TransactionLog.class, Services.REAL_TRANSACTION_LOG));
        TrustedKeys keys = Await.value("TrustedKeys", BillingSession.TIMEOUT, () -> service(TrustedKeys.class));
        SignedMeterValueChecker checker = Await.value("checker", BillingSession.TIMEOUT,
                () -> service(SignedMeterValueChecker.class));
        keys.enter("sv-keba", KEY, "admin");
        OffsetDateTime start = OffsetDateTime.of(2026, 2, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1));
        Transaction keba = log.start(new TransactionStart("sv-keba", "CB-SV", 1, null, "04A1", start, 259_600));
        log.attachSignedMeterValue(keba.id(), new SignedMeterValue(DATA, "Transaction.End", Instant.now(),
                VerificationStatus.VERIFIED, ""));
        log.stop(keba.id(), new TransactionStop(start.plusMinutes(1), 259_700, "Local"));
        // a wallbox without a stored key: its values come without <publicKey>
        Transaction other = log.start(new TransactionStart("sv-other", "CB-SV2", 1, null, "04A1", start.plusHours(1), 0));
        log.attachSignedMeterValue(other.id(), new SignedMeterValue(DATA, "Transaction.End", Instant.now(),
                VerificationStatus.NOT_VERIFIABLE, "no trusted key"));

        String path = "/api/v1/transactions/" + keba.id() + "/signed-values.xml";
        Await.until("the download endpoint", BillingSession.TIMEOUT, () -> status(path) == 200);
        HttpResponse<byte[]> one = get(path, true);
        assertEquals(200, one.statusCode());
        assertTrue(one.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertTrue("the raw signed data, byte for byte", contains(one.body(), DATA.getBytes(StandardCharsets.UTF_8)));
        NodeList values = parse(one.body()).getElementsByTagName("value");
        assertEquals(1, values.getLength());
        Element value = (Element) values.item(0);
        assertEquals(String.valueOf(keba.id()), value.getAttribute("transactionId"));
        assertEquals("Transaction.End", value.getAttribute("context"));
        String signedData = value.getElementsByTagName("signedData").item(0).getTextContent();
        String publicKey = value.getElementsByTagName("publicKey").item(0).getTextContent();
        assertEquals(DATA, signedData);
        assertEquals(KEY.toLowerCase(), publicKey.toLowerCase());
        assertEquals(VerificationStatus.VERIFIED, checker.verify(signedData, publicKey).status());
        // one changed digit in the XML's reading no longer verifies with the key from the XML
        assertEquals(VerificationStatus.FAILED,
                checker.verify(signedData.replace("0.2597", "0.2598"), publicKey).status());

        HttpResponse<byte[]> evse = get("/api/v1/signed-values.xml?evse=sv-keba&from=2026-01-01", true);
        assertEquals(200, evse.statusCode());
        assertEquals(1, parse(evse.body()).getElementsByTagName("value").getLength());

        HttpResponse<byte[]> all = get("/api/v1/signed-values.xml?from=2026-02-01T00:00:00%2B01:00&to=2026-02-02", true);
        NodeList both = parse(all.body()).getElementsByTagName("value");
        assertEquals(2, both.getLength());
        Element second = (Element) both.item(1);
        assertEquals(String.valueOf(other.id()), second.getAttribute("transactionId"));
        assertNull("no key stored for sv-other", second.getElementsByTagName("publicKey").item(0));
        assertEquals(DATA, second.getElementsByTagName("signedData").item(0).getTextContent());

        HttpResponse<byte[]> none = get("/api/v1/signed-values.xml?evse=sv-nothing", true);
        assertEquals(0, parse(none.body()).getElementsByTagName("value").getLength());

        assertError(get("/api/v1/transactions/987654321/signed-values.xml", true), 404, "id");
        assertError(get("/api/v1/transactions/abc/signed-values.xml", true), 400, "id");
        assertError(get("/api/v1/signed-values.xml?from=yesterday", true), 400, "from");
        assertError(get("/api/v1/signed-values.xml?user=x", true), 400, "user");
        assertEquals(401, get(path, false).statusCode());
        assertEquals(401, get("/api/v1/signed-values.xml", false).statusCode());
        // the billing bundle's endpoints next to it still answer
        assertEquals(200, status("/api/v1/transactions?evse=sv-keba"));
        assertEquals(200, status("/api/v1/transactions/retention"));
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String parameter) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(body, status, response.statusCode());
        assertTrue(body, response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(body, body.contains("\"parameter\":\"" + parameter + "\""));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertNotNull(document.getDocumentElement());
        assertEquals("values", document.getDocumentElement().getTagName());
        return document;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private HttpResponse<byte[]> get(String path, boolean authenticated) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + path)).timeout(Duration.ofSeconds(20));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + StandaloneRuntime.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int status(String path) {
        try {
            return get(path, true).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private <T> T service(Class<T> type) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, null);
            return references.isEmpty() ? null : context.getService(references.iterator().next());
        } catch (Exception e) {
            return null;
        }
    }
}
