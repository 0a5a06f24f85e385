package org.chargingmanager.api.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A message for the user in an error answer of the HTTP API: the English text for scripts and
 * logs, and a message key ({@code code}) with its arguments ({@code args}) that the web UI shows
 * in the page's language. An argument is a text, a number, or itself such a message (the reason
 * inside "at position 7 of ...: ..."), which the UI translates as well.
 *
 * <p>A bundle answers an error as JSON {@code {"error": english, "code": code, "args": [...]}}
 * (a message argument as an object of the same form). Every key a bundle sends needs its German
 * text in the web UI's {@code i18n.js}; the web bundle's tests check that for every
 * {@code UserMessage.of("key", ...)} in the sources.
 *
 * @param code the message key, such as {@code http.notFound} or {@code user.exists}
 * @param english the English text, with the arguments filled in
 * @param args the values of the key's placeholders {@code {0}}, {@code {1}} ...
 */
public record UserMessage(String code, String english, List<Object> args) {

    public UserMessage {
        Objects.requireNonNull(code, "code");
        english = english == null ? "" : english;
        List<Object> copy = new ArrayList<>();
        for (Object arg : args == null ? List.of() : args) {
            copy.add(arg instanceof UserMessage || arg instanceof Number ? arg : String.valueOf(arg));
        }
        args = Collections.unmodifiableList(copy);
    }

    /**
     * The JSON form above as plain values, for any JSON library: a map of {@code error},
     * {@code code} and {@code args} in that order, a message argument as such a map.
     */
    public java.util.Map<String, Object> toJsonMap() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("error", english);
        json.put("code", code);
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(arg instanceof UserMessage nested ? nested.toJsonMap() : arg);
        }
        json.put("args", values);
        return json;
    }

    public static UserMessage of(String code, String english, Object... args) {
        return new UserMessage(code, english, args == null ? List.of() : java.util.Arrays.asList(args));
    }
}
