package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.junit.jupiter.api.Test;

class AfterFrameworkStartTest {

    /** A framework whose state the test sets; it keeps the framework listeners added to it. */
    private static final class Framework {
        volatile int state = Bundle.STARTING;
        final List<FrameworkListener> listeners = new CopyOnWriteArrayList<>();
        final Bundle systemBundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("not expected: " + method.getName());
                });
        /** Reached the last start level while a listener was being added: the state is ACTIVE, no event comes. */
        volatile boolean startsWhileListenerIsAdded;

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBundle" -> {
                            assertThat(args[0]).isEqualTo(Constants.SYSTEM_BUNDLE_LOCATION);
                            yield systemBundle;
                        }
                        case "addFrameworkListener" -> {
                            listeners.add((FrameworkListener) args[0]);
                            if (startsWhileListenerIsAdded) {
                                state = Bundle.ACTIVE;
                            }
                            yield null;
                        }
                        case "removeFrameworkListener" -> {
                            listeners.remove((FrameworkListener) args[0]);
                            yield null;
                        }
                        default -> throw new AssertionError("not expected: " + method.getName());
                    });
        }

        void fire(int type) {
            if (type == FrameworkEvent.STARTED) {
                state = Bundle.ACTIVE;
            }
            FrameworkEvent event = new FrameworkEvent(type, systemBundle, null);
            listeners.forEach(listener -> listener.frameworkEvent(event));
        }
    }

    private final Framework framework = new Framework();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void theActionWaitsForTheFrameworkToHaveStartedAndRunsOnce() {
        assertThat(AfterFrameworkStart.frameworkStarting(framework.context())).isTrue();
        new AfterFrameworkStart().run(framework.context(), runs::incrementAndGet);

        framework.fire(FrameworkEvent.STARTLEVEL_CHANGED);
        assertThat(runs).hasValue(0);

        framework.fire(FrameworkEvent.STARTED);
        framework.fire(FrameworkEvent.STARTED);
        assertThat(runs).hasValue(1);
        assertThat(AfterFrameworkStart.frameworkStarting(framework.context())).isFalse();
    }

    @Test
    void aFrameworkThatFinishesStartingWhileTheListenerIsAddedStillRunsTheAction() {
        framework.startsWhileListenerIsAdded = true;

        new AfterFrameworkStart().run(framework.context(), runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void cancelledBeforeTheFrameworkHasStartedTheActionNeverRuns() {
        AfterFrameworkStart opening = new AfterFrameworkStart();
        opening.run(framework.context(), runs::incrementAndGet);
        FrameworkListener inFlight = framework.listeners.get(0);

        opening.cancel();
        assertThat(framework.listeners).isEmpty();
        framework.fire(FrameworkEvent.STARTED);
        inFlight.frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTED, framework.systemBundle, null));

        assertThat(runs).hasValue(0);
    }

    @Test
    void cancellingWhatNeverWaitedDoesNothing() {
        new AfterFrameworkStart().cancel();
        assertThat(runs).hasValue(0);
    }
}
