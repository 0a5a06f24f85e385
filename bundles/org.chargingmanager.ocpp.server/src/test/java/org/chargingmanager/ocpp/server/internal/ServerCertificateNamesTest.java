package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wallbox given the host name, its .local name or an IP address finds it in the certificate. */
class ServerCertificateNamesTest {

    @TempDir
    Path data;

    @Test
    void theInstallersNamesAreHostNamesOrIpAddresses() {
        assertThat(ServerCertificateNames.parse(" cm.example.org, 192.168.178.42  fd00::1 ,"))
                .containsExactly("cm.example.org", "192.168.178.42", "fd00::1");
        assertThat(ServerCertificateNames.parse("")).isEmpty();
        assertThatThrownBy(() -> ServerCertificateNames.parse("cm.example.org, bad_name!"))
                .hasMessage("not a host name or IP address: bad_name!");
    }

    @Test
    void thisMachineIsNamedByHostNameLocalNameAndLoopback() {
        assertThat(ServerCertificateNames.forThisMachine("wallbox-pi", List.of("cm.example.org")))
                .contains("wallbox-pi", "wallbox-pi.local", "localhost", "127.0.0.1", "::1", "cm.example.org");
    }

    @Test
    void theGeneratedCertificateNamesThisMachineAndIsGeneratedAgainForNewNames() throws Exception {
        ServerSettings settings = ServerSettings.forTest(data).withTls(TlsMode.ON);
        ServerKeyMaterial.load(settings, "x".toCharArray());
        Path certificateFile = data.resolve("ocpp-server/server-cert.pem");
        X509Certificate first = ServerKeyMaterial.readCertificates(certificateFile).get(0);
        assertThat(names(first)).contains("localhost", "127.0.0.1");
        byte[] before = Files.readAllBytes(certificateFile);

        ServerKeyMaterial.load(settings, "x".toCharArray());
        assertThat(Files.readAllBytes(certificateFile)).as("kept while nothing new is asked for").isEqualTo(before);

        ServerKeyMaterial.load(settings.withServerCertificateNames(List.of("cm.example.org", "192.168.178.42")),
                "x".toCharArray());
        X509Certificate second = ServerKeyMaterial.readCertificates(certificateFile).get(0);
        assertThat(names(second)).contains("cm.example.org", "192.168.178.42", "localhost");
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(ServerCertificateNames.coversAll(second, List.of("CM.example.org", "192.168.178.42"))).isTrue();
        assertThat(ServerCertificateNames.coversAll(second, List.of("other.example.org"))).isFalse();
    }

    private static List<String> names(X509Certificate certificate) throws Exception {
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        return alternatives.stream().map(entry -> String.valueOf(entry.get(1))).collect(Collectors.toList());
    }
}
