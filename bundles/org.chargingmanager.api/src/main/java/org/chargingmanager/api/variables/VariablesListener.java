package org.chargingmanager.api.variables;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service: told after variables were set or removed. Must return quickly. */
@FunctionalInterface
@ConsumerType
public interface VariablesListener {

    /** @param names the names whose expression changed */
    void variablesChanged(Set<String> names);
}
