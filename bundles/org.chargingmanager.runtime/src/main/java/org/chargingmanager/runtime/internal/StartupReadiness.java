package org.chargingmanager.runtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the product's servlets are all registered: the framework has reached its beginning
 * start level (every bundle of {@code bundle/} and {@code deploy/} started), and every enabled
 * servlet and servlet context component of an {@code org.chargingmanager.*} bundle is satisfied. A servlet that
 * waits for a service that never comes must not keep the runtime "starting" forever: after
 * {@link #MAXIMUM_WAIT} it counts as ready anyway, and the missing servlets are logged once.
 * Once ready, it stays ready.
 */
@Component(service = StartupReadiness.class)
public class StartupReadiness {

    static final Duration MAXIMUM_WAIT = Duration.ofSeconds(60);
    private static final List<String> WEB_SERVICES = List.of("javax.servlet.Servlet",
            "org.osgi.service.http.context.ServletContextHelper");
    private static final Logger LOG = LoggerFactory.getLogger(StartupReadiness.class);

    private final BundleContext context;
    private final ServiceComponentRuntime components;
    private final Clock clock;
    private final Instant started;
    private volatile boolean ready;

    @Activate
    public StartupReadiness(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
        this.clock = Clock.systemUTC();
        this.started = clock.instant();
    }

    boolean ready() {
        if (ready) {
            return true;
        }
        List<String> waiting = waitingServlets();
        if (waiting.isEmpty() && startLevelReached()) {
            ready = true;
            LOG.info("Every servlet of the charging manager is registered");
        } else if (!clock.instant().isBefore(started.plus(MAXIMUM_WAIT))) {
            ready = true;
            LOG.warn("Still not registered after {} s, answering 404 for their paths from now on: {}",
                    MAXIMUM_WAIT.toSeconds(), waiting.isEmpty() ? "(start level not reached)" : waiting);
        }
        return ready;
    }

    private boolean startLevelReached() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        FrameworkStartLevel startLevel = system == null ? null : system.adapt(FrameworkStartLevel.class);
        if (startLevel == null) {
            return true;
        }
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int target = 1;
        try {
            target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            target = 1;
        }
        return startLevel.getStartLevel() >= target;
    }

    /** The names of enabled servlet components of the product that are not (yet) satisfied. */
    private List<String> waitingServlets() {
        List<String> waiting = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith("org.chargingmanager.")) {
                continue;
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                if (bundle.getState() == Bundle.STARTING || bundle.getState() == Bundle.RESOLVED
                        && bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class) != null
                        && bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).isPersistentlyStarted()) {
                    waiting.add(name + " (starting)");
                }
                continue;
            }
            for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
                if (description.serviceInterfaces == null
                        || Arrays.stream(description.serviceInterfaces).noneMatch(WEB_SERVICES::contains)
                        || !components.isComponentEnabled(description)) {
                    continue;
                }
                boolean satisfied = components.getComponentConfigurationDTOs(description).stream()
                        .anyMatch(configuration -> configuration.state == ComponentConfigurationDTO.ACTIVE
                                || configuration.state == ComponentConfigurationDTO.SATISFIED);
                if (!satisfied) {
                    waiting.add(description.name);
                }
            }
        }
        return waiting;
    }
}
