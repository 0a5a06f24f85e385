package org.chargingmanager.api;

import java.util.Set;

/** Whiteboard service: told after variables were set or removed. Must return quickly. */
@FunctionalInterface
public interface VariablesListener {

    /** @param names the names whose expression changed */
    void variablesChanged(Set<String> names);
}
