package org.chargingmanager.billing.internal.log;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.billing.internal.db.Database;

/**
 * Run in its own JVM by {@link DurabilityTest}: writes sessions through the real
 * {@link JdbcTransactionLog} without end and prints an acknowledgement after each call
 * returned, the way a driver confirms to the charger. Killed with SIGKILL by the test.
 *
 * <pre>S i id   start of session i returned id
 * A i id   signed value of session i attached
 * E i id   stop of session i returned</pre>
 */
public final class DurabilityWriter {

    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1));

    private DurabilityWriter() {
    }

    static String evse(long i) {
        return "evse-" + (i % 7);
    }

    static String signed(long i) {
        return "OCMF|{\"i\":" + i + ",\"x\":\"Zähler ⚡\"}|{\"SD\":\"" + Long.toHexString(i * 7919) + "\"}";
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long first = Long.parseLong(args[1]);
        try (Database database = new Database(url, "", "", 4)) {
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            System.out.println("READY");
            System.out.flush();
            for (long i = first; ; i++) {
                OffsetDateTime at = T0.plusMinutes(i);
                Transaction t = log.start(new TransactionStart(evse(i), null, 1, "user-" + (i % 3), "TAG" + i, at, i * 100));
                System.out.println("S " + i + " " + t.id());
                System.out.flush();
                log.attachSignedMeterValue(t.id(), new SignedMeterValue(signed(i), "Transaction.End",
                        Instant.ofEpochSecond(1_700_000_000L + i), VerificationStatus.NOT_VERIFIABLE, null));
                System.out.println("A " + i + " " + t.id());
                System.out.flush();
                log.stop(t.id(), new TransactionStop(at.plusSeconds(30), i * 100 + 42, "EVDisconnected"));
                System.out.println("E " + i + " " + t.id());
                System.out.flush();
            }
        }
    }
}
