package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.DataDirectory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Adds the feature repository to a real Apache Karaf 4.4 (the minimal distribution from Maven
 * Central, Karaf's default: Felix with pax-web 8), installs the umbrella feature and the
 * simulator, finds the charging manager's bundles active and its endpoints served by pax-web.
 * openHAB's stack (Equinox, offline, the KAR): {@link KarafEquinoxOfflineIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeaturesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Chosen in the configuration (the test's JVM), read back in Karaf from a system property. */
    private static int httpPort;

    @Inject
    private BundleContext context;

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    private AdminAuthenticator adminAuthenticator;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        MavenArtifactUrlReference karaf = maven("org.apache.karaf", "apache-karaf-minimal").type("tar.gz")
                .versionAsInProject();
        MavenArtifactUrlReference repository = maven("org.chargingmanager", "chargingmanager-features")
                .type("xml").classifier("features").versionAsInProject();
        String reactorRepository = new File(System.getProperty("chargingmanager.reactor.repository",
                "target/reactor-repository")).toURI().toString();
        String karafVersion = "4.4.8";
        httpPort = StandaloneRuntime.freePort();
        return new Option[] {
                karafDistributionConfiguration().frameworkUrl(karaf).name("Apache Karaf")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                                System.getProperty("user.home") + "/.m2/repository")),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + "file:${karaf.data}/kar@id=kar.repository@multi@snapshots,"
                                + reactorRepository + "@id=reactor@snapshots"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses",
                        "127.0.0.1"),
                editConfigurationFilePut("etc/system.properties", "chargingmanager.test.http.port",
                        String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.chargingmanager.ocpp.server.cfg", "port",
                        String.valueOf(StandaloneRuntime.freePort())),
                editConfigurationFilePut("etc/org.chargingmanager.ocpp.server.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/system.properties", "chargingmanager.admin.password",
                        StandaloneRuntime.ADMIN_PASSWORD),
                vmOptions(java17ModuleOptions(karafVersion)),
                features(repository, "chargingmanager", "chargingmanager-simulator"),
        };
    }

    /** What Karaf's bin/karaf adds on Java 9+; Pax Exam's Karaf container does not. */
    private static String[] java17ModuleOptions(String karafVersion) {
        return new String[] {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*:lib/boot/*",
        };
    }

    @Test
    public void theUmbrellaFeatureAndTheSimulatorAreActiveInKaraf() throws Exception {
        for (String name : List.of("org.chargingmanager.api", "org.chargingmanager.core",
                "org.chargingmanager.simulator", "org.chargingmanager.ocpp", "org.chargingmanager.ocpp.server",
                "org.chargingmanager.web", "org.chargingmanager.billing", "org.chargingmanager.eichrecht",
                "com.google.gson")) {
            Bundle bundle = Stream.of(context.getBundles()).filter(b -> name.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
            // the feature service may still be refreshing bundles when the test starts
            Await.until(name + " is active (state " + bundle.getState() + ")", TIMEOUT,
                    () -> bundle.getState() == Bundle.ACTIVE);
        }
        assertEquals(Path.of(context.getProperty("karaf.data"), "chargingmanager").toAbsolutePath().normalize(),
                dataDirectory.path());
        assertTrue(adminAuthenticator.authenticate("admin", StandaloneRuntime.ADMIN_PASSWORD.toCharArray()));

        org.osgi.service.cm.Configuration configuration = configurationAdmin
                .getFactoryConfiguration("org.chargingmanager.simulator.wallbox", "karaf", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", "karaf");
        configuration.update(properties);
        assertNotNull(Await.value("EVSE karaf-1 in Karaf", TIMEOUT, () -> Services.evse(context, "karaf-1")));

        int port = Integer.parseInt(context.getProperty("chargingmanager.test.http.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + StandaloneRuntime.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/cnf?cmd=get_cm_vars", "/api/v1/evses/karaf-1", "/api/v1/transactions.csv",
                "/api/v1/trusted-keys", "/api/v1/ocpp/chargepoints")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = Await.value(path + " served by pax-web", TIMEOUT, () -> {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 404 ? null : answer;
                } catch (Exception e) {
                    return null;
                }
            });
            assertEquals(path + ": " + response.body(), 200, response.statusCode());
        }
        configuration.delete();
    }

}
