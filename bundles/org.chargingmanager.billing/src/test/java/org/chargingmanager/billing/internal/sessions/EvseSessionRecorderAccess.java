package org.chargingmanager.billing.internal.sessions;

import java.time.Clock;
import java.util.Set;

import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.evse.Evse;

/** For tests in other packages: a session recorder without its own thread, polled by the test. */
public final class EvseSessionRecorderAccess {

    private EvseSessionRecorderAccess() {
    }

    /** @return one poll round over the charging points */
    public static Runnable recorder(TransactionLog log, Authorizer authorizer, Clock clock, Set<String> ignoredDrivers,
            Evse... evses) {
        EvseSessionRecorder recorder = new EvseSessionRecorder(log, authorizer, clock, ignoredDrivers, null);
        for (Evse evse : evses) {
            recorder.addEvse(evse, "");
        }
        return recorder::poll;
    }
}
