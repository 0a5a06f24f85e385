package org.chargingmanager.benchmarks;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifications per second on one thread: a whole {@code SignedDataVerifier.verify} call (what the
 * {@code SignedMeterValueChecker} service runs)
 * (parse the OCMF record, read the trusted key, check the ECDSA signature) for a typical
 * begin/end record, the key being the same meter's key each time as in real operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class SignatureVerificationBenchmark {

    static final String PAYLOAD = "{\"FV\":\"1.0\",\"GI\":\"KEBA_KCP30\",\"GS\":\"17619300\",\"GV\":\"2.8.5\","
            + "\"PG\":\"T32\",\"IS\":false,\"IL\":\"NONE\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\","
            + "\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"\",\"RD\":[{\"TM\":\"2019-08-13T10:03:15,000+0000 I\",\"TX\":\"B\","
            + "\"EF\":\"\",\"ST\":\"G\",\"RV\":0.2596,\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\"},{\"TM\":"
            + "\"2019-08-13T10:03:36,000+0000 R\",\"TX\":\"E\",\"EF\":\"\",\"ST\":\"G\",\"RV\":0.2597,\"RI\":\"1-b:1.8.0\","
            + "\"RU\":\"kWh\"}]}";

    @Param({"SECP256R1", "BRAINPOOLP256R1"})
    public String curve;

    private final SignedDataVerifier verifier = new SignedDataVerifier();
    private String record;
    private String publicKey;

    @Setup
    public void setUp() {
        EcKeyPair pair = EcKeyPairs.generate(EcCurve.valueOf(curve), new SecureRandom());
        record = new OcmfRecordSigner(pair).sign(PAYLOAD);
        publicKey = pair.publicKey().spkiHex();
        VerificationResult check = verifier.verify(record, publicKey);
        if (check.status() != VerificationStatus.VERIFIED) {
            throw new IllegalStateException("benchmark record does not verify: " + check.reason());
        }
    }

    @Benchmark
    public VerificationStatus verify() {
        return verifier.verify(record, publicKey).status();
    }
}
