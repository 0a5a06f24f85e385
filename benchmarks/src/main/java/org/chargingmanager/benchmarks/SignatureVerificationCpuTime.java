package org.chargingmanager.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Locale;

import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;

/**
 * The loop of {@link SignatureVerificationBenchmark} timed with the verifying thread's CPU time
 * instead of the wall clock: on a machine shared with other work, verifications per CPU second
 * estimate what one free core does. Arguments: curve names (default secp256r1 and brainpoolP256r1).
 */
public final class SignatureVerificationCpuTime {

    private static final int WARM_UP_CALLS = 20_000;
    private static final int ROUNDS = 5;
    private static final int CALLS_PER_ROUND = 10_000;

    private SignatureVerificationCpuTime() {
    }

    public static void main(String[] args) {
        String[] curves = args.length > 0 ? args : new String[] {"SECP256R1", "BRAINPOOLP256R1"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String curve : curves) {
            EcKeyPair pair = EcKeyPairs.generate(EcCurve.valueOf(curve.toUpperCase(Locale.ROOT)), new SecureRandom());
            String record = new OcmfRecordSigner(pair).sign(SignatureVerificationBenchmark.PAYLOAD);
            String publicKey = pair.publicKey().spkiHex();
            SignedDataVerifier verifier = new SignedDataVerifier();
            verifyTimes(verifier, record, publicKey, WARM_UP_CALLS);
            for (int round = 1; round <= ROUNDS; round++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                verifyTimes(verifier, record, publicKey, CALLS_PER_ROUND);
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                System.out.printf(Locale.ROOT, "%s round %d: %.0f verifications per CPU second, %.0f per wall-clock second%n",
                        curve, round, CALLS_PER_ROUND / cpuSeconds, CALLS_PER_ROUND / wallSeconds);
            }
        }
    }

    private static void verifyTimes(SignedDataVerifier verifier, String record, String publicKey, int calls) {
        for (int i = 0; i < calls; i++) {
            if (verifier.verify(record, publicKey).status() != VerificationStatus.VERIFIED) {
                throw new IllegalStateException("benchmark record does not verify");
            }
        }
    }
}
