package org.chargingmanager.gridsignal.internal.input;

import java.io.IOException;

/** Reads the raw state of an input's contacts: {@code true} = closed (the input sees a signal). */
interface ContactReader extends AutoCloseable {

    /**
     * @return one state per contact
     * @throws IOException when the device does not answer or answers nonsense (the message says which)
     */
    boolean[] read() throws IOException;

    /** When the device last proved alive, given that {@link #read()} just succeeded at {@code readAt}. */
    default java.time.Instant lastContact(java.time.Instant readAt) {
        return readAt;
    }

    @Override
    default void close() {
    }
}
