package org.chargingmanager.mqtt.internal;

import java.util.List;

/**
 * One Homie node.
 *
 * @param id the Homie ID, for example {@code variables} or {@code evse-sim-garage-1}
 * @param name {@code $name}
 * @param type {@code $type}
 * @param properties in the order of {@code $properties}
 */
record HomieNode(String id, String name, String type, List<HomieProperty> properties) {

    HomieNode {
        properties = List.copyOf(properties);
    }
}
