package org.chargingmanager.mqtt.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the framework property {@code chargingmanager.mqtt.url} (which {@code bin/chargingmanager}
 * sets from {@code CHARGINGMANAGER_MQTT_URL}) into the configuration {@code org.chargingmanager.mqtt},
 * marked as coming from the environment. A configuration made otherwise (a file in {@code etc/},
 * the Web Console) wins and is never touched; a marked one is updated when the URL changes and
 * deleted when the property is gone, so unsetting the variable stops publishing.
 */
@Component(service = {}, immediate = true)
public final class EnvironmentConfiguration {

    static final String URL_PROPERTY = "chargingmanager.mqtt.url";
    static final String SOURCE_PROPERTY = "chargingmanager.mqtt.source";
    static final String FROM_ENVIRONMENT = "CHARGINGMANAGER_MQTT_URL";
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentConfiguration.class);

    @Activate
    public EnvironmentConfiguration(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        String url = context.getProperty(URL_PROPERTY);
        try {
            apply(configurationAdmin, url == null ? "" : url.trim());
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.error("MQTT: cannot apply {}: {}", FROM_ENVIRONMENT, e.toString());
        }
    }

    static void apply(ConfigurationAdmin admin, String url) throws IOException, InvalidSyntaxException {
        Configuration[] existing = admin.listConfigurations("(service.pid=" + MqttPublisher.PID + ")");
        Configuration configuration = existing == null || existing.length == 0 ? null : existing[0];
        Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
        boolean ours = properties != null && FROM_ENVIRONMENT.equals(properties.get(SOURCE_PROPERTY));
        if (url.isEmpty()) {
            if (ours) {
                configuration.delete();
                LOG.info("MQTT: {} is no longer set; removed the configuration made from it", FROM_ENVIRONMENT);
            }
            return;
        }
        if (properties != null && !ours) {
            LOG.info("MQTT: {} is set, but configuration {} exists and wins (broker {})", FROM_ENVIRONMENT,
                    MqttPublisher.PID, properties.get("brokerUrl"));
            return;
        }
        if (ours && url.equals(properties.get("brokerUrl"))) {
            return;
        }
        Configuration target = configuration != null ? configuration : admin.getConfiguration(MqttPublisher.PID, "?");
        Dictionary<String, Object> updated = new Hashtable<>();
        updated.put("brokerUrl", url);
        updated.put(SOURCE_PROPERTY, FROM_ENVIRONMENT);
        target.update(updated);
        LOG.info("MQTT: publishing to {} as set by {}", url, FROM_ENVIRONMENT);
    }
}
