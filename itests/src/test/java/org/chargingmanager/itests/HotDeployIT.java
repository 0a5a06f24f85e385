package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.chargingmanager.api.evse.Evse;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Drops the simulator bundle into the directory FileInstall watches (the runtime's
 * {@code deploy/}), uses it, stops, restarts and removes it, and checks that no other bundle
 * was restarted or stopped meanwhile.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SIMULATOR = "org.chargingmanager.simulator";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("hotdeploy"), StandaloneRuntime.freePort(),
                name -> !name.startsWith(SIMULATOR));
    }

    @Test
    public void simulatorBundleIsHotDeployedUsedAndRemovedWithoutDisturbingOthers() throws Exception {
        assertNull("simulator not installed at start", bundle(SIMULATOR));
        Set<String> othersBefore = activeBundles();
        List<String> othersStopped = new CopyOnWriteArrayList<>();
        BundleListener listener = event -> {
            if (!SIMULATOR.equals(event.getBundle().getSymbolicName())
                    && (event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.STOPPED)) {
                othersStopped.add(event.getBundle().getSymbolicName());
            }
        };
        context.addBundleListener(listener);

        org.osgi.service.cm.Configuration configuration = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.wallbox", "hotdeploy", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", "hot");
        configuration.update(properties);

        Path watched = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path deployed = watched.resolve("simulator.jar");
        Path partial = watched.resolveSibling("simulator.jar.part");
        Files.copy(StandaloneRuntime.runtimeJar(SIMULATOR).toPath(), partial);
        Files.move(partial, deployed, StandardCopyOption.ATOMIC_MOVE);

        Await.until("FileInstall installs and starts the simulator", TIMEOUT,
                () -> bundle(SIMULATOR) != null && bundle(SIMULATOR).getState() == Bundle.ACTIVE);
        assertNotNull(Await.value("EVSE from the configuration made before the bundle came", TIMEOUT,
                () -> Services.evse(context, "hot-1")));

        Bundle simulator = bundle(SIMULATOR);
        simulator.stop();
        Await.until("EVSE gone with the stopped bundle", TIMEOUT, () -> Services.evse(context, "hot-1") == null);
        simulator.start();
        assertNotNull(Await.value("EVSE back after restart", TIMEOUT, () -> Services.evse(context, "hot-1")));

        Files.delete(deployed);
        Await.until("FileInstall uninstalls the simulator", TIMEOUT, () -> bundle(SIMULATOR) == null);
        assertNull(Services.evse(context, "hot-1"));

        context.removeBundleListener(listener);
        assertEquals("no other bundle was stopped or restarted", List.of(), othersStopped);
        assertEquals("the same bundles are active", othersBefore, activeBundles());
        configuration.delete();
    }

    /** Symbolic name and ID of every active bundle but the simulator. */
    private Set<String> activeBundles() {
        return Stream.of(context.getBundles())
                .filter(bundle -> bundle.getState() == Bundle.ACTIVE)
                .filter(bundle -> !SIMULATOR.equals(bundle.getSymbolicName()))
                .map(bundle -> bundle.getSymbolicName() + "#" + bundle.getBundleId())
                .collect(Collectors.toSet());
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElse(null);
    }


}
