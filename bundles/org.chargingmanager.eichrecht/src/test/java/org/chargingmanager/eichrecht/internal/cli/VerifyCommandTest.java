package org.chargingmanager.eichrecht.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.Tampering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
    private final String kebaKey = Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey").strip();

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneLinePerValueFromAFile() throws Exception {
        Path file = dir.resolve("values.txt");
        Files.writeString(file, keba + "\n\n" + Tampering.changeReadingDigit(keba) + "\nnot signed data\n");

        Run run = run(InputStream.nullInputStream(), "verify", "--public-key", kebaKey, file.toString());

        assertThat(run.out().lines()).containsExactly("VERIFIED",
                "FAILED the signature does not match the data and the trusted key",
                "UNVERIFIABLE unsupported format");
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOT_ALL_VERIFIED);
    }

    @Test
    void keyFromAFileAndXmlFromStdin() throws Exception {
        Path keyFile = dir.resolve("meter.pub");
        Files.writeString(keyFile, Samples.xml("/safe/brainpoolP256r1.xml").get(0).publicKey() + "\n");
        InputStream xml = Samples.class.getResourceAsStream("/safe/brainpoolP256r1.xml");

        Run run = run(xml, "verify", "--public-key", "@" + keyFile, "-");

        assertThat(run.out().lines()).containsExactly("VERIFIED", "VERIFIED");
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.ALL_VERIFIED);
    }

    @Test
    void aKeyInTheXmlThatDiffersFromTheGivenKeyFails() {
        InputStream xml = Samples.class.getResourceAsStream("/safe/brainpoolP256r1.xml");

        Run run = run(xml, "verify", "--public-key", kebaKey, "-");

        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).startsWith("FAILED"));
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOT_ALL_VERIFIED);
    }

    @Test
    void withoutPublicKeyNothingIsVerified() {
        Run run = run(new ByteArrayInputStream(keba.getBytes(StandardCharsets.UTF_8)), "verify", "-");

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("No --public-key given: nothing verified");
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.USAGE);
    }

    @Test
    void usageErrorsAreReported() {
        assertThat(run(InputStream.nullInputStream()).exitCode()).isEqualTo(VerifyCommand.USAGE);
        assertThat(run(InputStream.nullInputStream(), "verify", "--public-key", "nonsense", "-").err())
                .contains("the public key cannot be used");
        assertThat(run(InputStream.nullInputStream(), "verify", "--public-key", kebaKey, dir + "/missing").err())
                .contains("no such file");
        assertThat(run(new ByteArrayInputStream("<values><value>".getBytes(StandardCharsets.UTF_8)), "verify",
                "--public-key", kebaKey, "-").exitCode()).isEqualTo(VerifyCommand.USAGE);
        assertThat(run(InputStream.nullInputStream(), "verify", "--public-key", kebaKey, "-").exitCode())
                .isEqualTo(VerifyCommand.NOT_ALL_VERIFIED);
    }
}
