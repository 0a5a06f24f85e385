package org.chargingmanager.mqtt.internal;

/**
 * One Homie property as described under {@code <base>/<device>/<node>/<id>/$...}.
 *
 * @param id the Homie ID
 * @param name {@code $name}
 * @param datatype {@code $datatype}: {@code float}, {@code integer}, {@code string} or {@code enum}
 * @param unit {@code $unit}, empty for none
 * @param format {@code $format}, empty for none (required for {@code enum})
 * @param settable {@code $settable}
 */
record HomieProperty(String id, String name, String datatype, String unit, String format, boolean settable) {

    static HomieProperty floating(String id, String name, String unit) {
        return new HomieProperty(id, name, "float", unit, "", false);
    }

    static HomieProperty text(String id, String name) {
        return new HomieProperty(id, name, "string", "", "", false);
    }

    static HomieProperty choice(String id, String name, String format) {
        return new HomieProperty(id, name, "enum", "", format, false);
    }

    static HomieProperty settableText(String id, String name) {
        return new HomieProperty(id, name, "string", "", "", true);
    }

    static HomieProperty settableChoice(String id, String name, String format) {
        return new HomieProperty(id, name, "enum", "", format, true);
    }
}
