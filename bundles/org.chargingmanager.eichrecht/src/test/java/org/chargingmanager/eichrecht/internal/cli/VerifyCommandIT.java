package org.chargingmanager.eichrecht.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.eichrecht.internal.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built bundle jar as a standalone program: {@code java -jar <jar> verify ...} in its own process. */
class VerifyCommandIT {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result javaJar(Path stdin, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("eichrecht.bundle.jar"));
        assertThat(jar).exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CLASSPATH");
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void verifiesARealSampleAndExitsZero() throws Exception {
        Path data = dir.resolve("keba.ocmf");
        Files.writeString(data, Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf"));
        Path key = dir.resolve("keba.pubkey");
        Files.writeString(key, Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey"));

        Result result = javaJar(null, "verify", "--public-key", "@" + key, data.toString());

        assertThat(result.out()).isEqualTo("VERIFIED" + System.lineSeparator());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void reportsFailuresFromStdinXmlAndExitsNonZero() throws Exception {
        Path xml = dir.resolve("ebee.xml");
        Files.writeString(xml, Samples.text("/safe/test_ocmf_ebee_02.xml"));
        String key = Samples.xml("/safe/test_ocmf_ebee_02.xml").get(0).publicKey();

        Result result = javaJar(xml, "verify", "--public-key", key, "-");

        assertThat(result.out().lines()).containsExactly(
                "FAILED the signature does not match the data and the trusted key", "VERIFIED");
        assertThat(result.exitCode()).isEqualTo(VerifyCommand.NOT_ALL_VERIFIED);
    }

    @Test
    void refusesToVerifyWithoutAKey() throws Exception {
        Path data = dir.resolve("keba.ocmf");
        Files.writeString(data, Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf"));

        Result result = javaJar(null, "verify", data.toString());

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("nothing verified");
        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE);
    }
}
