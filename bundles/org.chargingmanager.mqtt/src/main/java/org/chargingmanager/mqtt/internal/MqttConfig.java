package org.chargingmanager.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.chargingmanager.mqtt}: without it, nothing connects. */
@ObjectClassDefinition(name = "Charging Manager: MQTT (Homie 4.0)",
        description = "Publishes variables, the grid connection, every charging point and every meter to an MQTT broker "
                + "after the Homie 4.0.0 convention (openHAB, Home Assistant, Node-RED). Variables can be set over MQTT.")
public @interface MqttConfig {

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:1883, or ssl://host:8883 for TLS")
    String brokerUrl();

    @AttributeDefinition(name = "Client ID", description = "The MQTT client ID; empty for chargingmanager-<device ID>",
            required = false)
    String clientId() default "";

    @AttributeDefinition(name = "User name", description = "Empty to connect without credentials", required = false)
    String username() default "";

    /** Property {@code .password}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "CA certificate (PEM file)", description = "For ssl://: the certificate(s) of the CA "
            + "that signed the broker's certificate; empty to trust the Java default CAs", required = false)
    String caCertificateFile() default "";

    @AttributeDefinition(name = "Base topic", description = "The first topic level of the Homie device (Homie "
            + "controllers look for +/+/$homie)")
    String baseTopic() default "homie";

    @AttributeDefinition(name = "Device ID", description = "The Homie device ID: a-z, 0-9 and -")
    String deviceId() default "chargingmanager";

    @AttributeDefinition(name = "Device name", description = "The Homie device's $name, shown by controllers")
    String deviceName() default "Charging Manager";

    @AttributeDefinition(name = "Home Assistant discovery", description = "Also publish Home Assistant MQTT discovery "
            + "messages (sensors, and numbers for the variables)")
    boolean homeAssistantDiscovery() default false;

    @AttributeDefinition(name = "Home Assistant discovery prefix", description = "Home Assistant's discovery_prefix")
    String homeAssistantPrefix() default "homeassistant";
}
