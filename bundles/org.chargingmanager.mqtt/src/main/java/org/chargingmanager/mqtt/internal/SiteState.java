package org.chargingmanager.mqtt.internal;

import java.util.List;
import java.util.Map;

/**
 * What the device publishes at one moment: its nodes and their values.
 *
 * @param nodes in the order of {@code $nodes}
 * @param values payload per {@code <node>/<property>}; a missing entry is {@link Payloads#NO_VALUE}
 * @param variableNames the variable behind each property ID of the {@code variables} node (for {@code /set})
 * @param evseIds the charging point behind each {@code evse-...} node whose {@code mode} is settable
 */
record SiteState(List<HomieNode> nodes, Map<String, String> values, Map<String, String> variableNames,
        Map<String, String> evseIds) {

    SiteState {
        nodes = List.copyOf(nodes);
        values = Map.copyOf(values);
        variableNames = Map.copyOf(variableNames);
        evseIds = Map.copyOf(evseIds);
    }

    /** Without settable charging modes. */
    SiteState(List<HomieNode> nodes, Map<String, String> values, Map<String, String> variableNames) {
        this(nodes, values, variableNames, Map.of());
    }
}
