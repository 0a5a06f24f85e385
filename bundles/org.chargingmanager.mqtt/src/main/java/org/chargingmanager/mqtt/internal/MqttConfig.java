package org.chargingmanager.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.chargingmanager.mqtt}: without it, nothing connects. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/mqtt", name = "%name", description = "%description")
public @interface MqttConfig {

    @AttributeDefinition(name = "%brokerUrl.name", description = "%brokerUrl.description")
    String brokerUrl();

    @AttributeDefinition(name = "%clientId.name", description = "%clientId.description", required = false)
    String clientId() default "";

    @AttributeDefinition(name = "%username.name", description = "%username.description", required = false)
    String username() default "";

    /** Property {@code .password}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "%_password.name", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "%caCertificateFile.name", description = "%caCertificateFile.description", required = false)
    String caCertificateFile() default "";

    @AttributeDefinition(name = "%baseTopic.name", description = "%baseTopic.description")
    String baseTopic() default "homie";

    @AttributeDefinition(name = "%deviceId.name", description = "%deviceId.description")
    String deviceId() default "chargingmanager";

    @AttributeDefinition(name = "%deviceName.name", description = "%deviceName.description")
    String deviceName() default "Charging Manager";

    @AttributeDefinition(name = "%homeAssistantDiscovery.name", description = "%homeAssistantDiscovery.description")
    boolean homeAssistantDiscovery() default false;

    @AttributeDefinition(name = "%homeAssistantPrefix.name", description = "%homeAssistantPrefix.description")
    String homeAssistantPrefix() default "homeassistant";
}
