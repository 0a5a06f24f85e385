package org.chargingmanager.mqtt.internal;

import java.util.List;
import java.util.Map;

/**
 * What the device publishes at one moment: its nodes and their values.
 *
 * @param nodes in the order of {@code $nodes}
 * @param values payload per {@code <node>/<property>}; a missing entry is {@link Payloads#NO_VALUE}
 * @param variableNames the variable behind each property ID of the {@code variables} node (for {@code /set})
 */
record SiteState(List<HomieNode> nodes, Map<String, String> values, Map<String, String> variableNames) {

    SiteState {
        nodes = List.copyOf(nodes);
        values = Map.copyOf(values);
        variableNames = Map.copyOf(variableNames);
    }
}
