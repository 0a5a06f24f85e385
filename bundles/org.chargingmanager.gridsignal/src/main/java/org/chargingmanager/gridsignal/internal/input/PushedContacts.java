package org.chargingmanager.gridsignal.internal.input;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * The contact states that devices push over HTTP ({@code /api/v1/grid/inputs/ID/CONTACT}), for the inputs of the
 * kind HTTP. Internal service of this bundle.
 */
@Component(service = PushedContacts.class)
public class PushedContacts {

    record Push(boolean closed, Instant at) {
    }

    private final Map<String, Push> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> contactCounts = new ConcurrentHashMap<>();
    private final Clock clock;

    public PushedContacts() {
        this(Clock.systemUTC());
    }

    PushedContacts(Clock clock) {
        this.clock = clock;
    }

    /** An input of the kind HTTP announces itself with its number of contacts. */
    void register(String inputId, int contacts) {
        contactCounts.put(inputId, contacts);
    }

    void unregister(String inputId) {
        contactCounts.remove(inputId);
        states.keySet().removeIf(key -> key.startsWith(inputId + "/"));
    }

    /**
     * @param contact 1-based
     * @throws IllegalArgumentException naming what is wrong (no such input, no such contact)
     */
    void push(String inputId, int contact, boolean closed) {
        Integer count = contactCounts.get(inputId);
        if (count == null) {
            throw new IllegalArgumentException("there is no HTTP input with the id '" + inputId + "'");
        }
        if (contact < 1 || contact > count) {
            throw new IllegalArgumentException("input '" + inputId + "' has contacts 1 to " + count + ", not " + contact);
        }
        states.put(inputId + "/" + contact, new Push(closed, clock.instant()));
    }

    Push get(String inputId, int contact) {
        return states.get(inputId + "/" + contact);
    }

    ContactReader reader(String inputId, int contacts) {
        return new ContactReader() {
            @Override
            public boolean[] read() throws java.io.IOException {
                boolean[] result = new boolean[contacts];
                for (int i = 0; i < contacts; i++) {
                    Push push = get(inputId, i + 1);
                    if (push == null) {
                        throw new java.io.IOException("contact " + (i + 1) + " of input '" + inputId
                                + "' has not been pushed yet");
                    }
                    result[i] = push.closed();
                }
                return result;
            }

            @Override
            public Instant lastContact(Instant readAt) {
                Instant latest = null;
                for (int i = 0; i < contacts; i++) {
                    Push push = get(inputId, i + 1);
                    if (push != null && (latest == null || push.at().isAfter(latest))) {
                        latest = push.at();
                    }
                }
                return latest;
            }
        };
    }
}
