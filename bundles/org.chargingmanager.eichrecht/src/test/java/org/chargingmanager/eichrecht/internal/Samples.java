package org.chargingmanager.eichrecht.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.eichrecht.internal.format.TransparencyXmlReader;

/** The real signed meter values under src/test/resources. */
public final class Samples {

    /** A record with the key it verifies with. */
    public record Sample(String name, String signedData, String publicKey) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String[] OCMF = {"chargepoint-secp256r1-base64", "keba-kcp30-secp256r1", "nzr-brainpoolp256r1"};

    /** Files whose every value verifies with the key next to it. */
    private static final String[] SAFE_VERIFYING = {"brainpoolP256r1", "nistP384_0Wh", "OCMF_Test_Data_00",
        "test_ocmf_transaction_two_values", "test_ocmf_ebee_01", "test_ocmf_keba_kcp30", "chargepoint_3",
        "VW_OCMF_load", "Ocmf_Example_OBIS_98.8.0_2.8.0", "20211007-device-with-evt-ocmf-sss-ses", "ocmf_sec"};

    private Samples() {
    }

    public static List<Sample> verifyingOcmf() {
        List<Sample> samples = new ArrayList<>();
        for (String name : OCMF) {
            samples.add(new Sample(name, text("/ocmf/" + name + ".ocmf"), text("/ocmf/" + name + ".pubkey").strip()));
        }
        for (String name : SAFE_VERIFYING) {
            int i = 0;
            for (TransparencyXmlReader.Value value : xml("/safe/" + name + ".xml")) {
                samples.add(new Sample(name + "#" + i++, value.signedData(), value.publicKey()));
            }
        }
        return samples;
    }

    public static List<Sample> alfen(String expected) {
        List<Sample> samples = new ArrayList<>();
        int i = 0;
        for (String line : text("/alfen/samples.txt").split("\\R")) {
            if (line.startsWith(expected + " ")) {
                String record = line.substring(expected.length() + 1);
                samples.add(new Sample("alfen-" + expected + "#" + i++, record, record.split(";")[3]));
            }
        }
        return samples;
    }

    public static List<Sample> verifying() {
        List<Sample> all = new ArrayList<>(verifyingOcmf());
        all.addAll(alfen("VERIFIED"));
        return all;
    }

    public static List<TransparencyXmlReader.Value> xml(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            return TransparencyXmlReader.read(in);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    public static String text(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
