package org.chargingmanager.openhab.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a component configuration as DS would: annotation defaults, overridden by some values. */
final class Configs {

    private Configs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            throw new IllegalArgumentException("no value for " + method.getName());
        }));
    }
}
