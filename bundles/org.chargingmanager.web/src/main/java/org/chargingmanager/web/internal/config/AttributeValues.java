package org.chargingmanager.web.internal.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.platform.UserMessage;
import org.osgi.service.metatype.AttributeDefinition;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * Turns a form's value for one metatype attribute into the typed configuration value (String,
 * Integer, Long, Double, Boolean ...; an array for a multi-valued attribute), checking it as the
 * attribute's type, options and {@link AttributeDefinition#validate} demand.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** Bad input for one attribute; the message is for the user, in English, with its key for the UI's language. */
    public static final class InvalidValueException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String attributeId;
        private final transient UserMessage userMessage;

        InvalidValueException(String attributeId, UserMessage message) {
            super(message.english());
            this.attributeId = attributeId;
            this.userMessage = message;
        }

        public String attributeId() {
            return attributeId;
        }

        public UserMessage userMessage() {
            return userMessage;
        }

        /** The same problem, naming the field as the page shows it (its translated name) in the message's arguments. */
        InvalidValueException naming(String englishName, String shownName) {
            if (shownName == null || shownName.equals(englishName)) {
                return this;
            }
            List<Object> args = new ArrayList<>(userMessage.args());
            args.replaceAll(arg -> englishName.equals(arg) ? shownName : arg);
            return new InvalidValueException(attributeId, new UserMessage(userMessage.code(), userMessage.english(), args));
        }
    }

    /**
     * @param element the form's value: a string, number or boolean, an array of them for a
     *     multi-valued attribute, or null/empty for "not set"
     * @return the typed value, or null if not set (and not required)
     */
    public static Object convert(AttributeDefinition definition, JsonElement element) throws InvalidValueException {
        String id = definition.getID();
        List<String> texts = texts(definition, element);
        boolean required = isRequired(definition);
        if (texts.isEmpty()) {
            if (required) {
                throw new InvalidValueException(id, UserMessage.of("value.required", definition.getName() + " is required",
                        definition.getName()));
            }
            // an optional text left empty is stored empty: removing it would bring its default back
            boolean text = definition.getType() == AttributeDefinition.STRING;
            return text && definition.getCardinality() == 0 ? "" : null;
        }
        if (definition.getCardinality() == 0) {
            return single(definition, texts.get(0));
        }
        Class<?> type = javaType(definition.getType());
        Object array = Array.newInstance(type, texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Array.set(array, i, single(definition, texts.get(i)));
        }
        return array;
    }

    /**
     * The metatype's {@code required} flag. The OSGi API has no getter for it; Felix Metatype's
     * definitions have {@code isRequired()}, read by reflection. Where that is missing, a text is
     * taken as optional and anything else as required.
     */
    public static boolean isRequired(AttributeDefinition definition) {
        if (definition.getCardinality() != 0) {
            return false;
        }
        try {
            java.lang.reflect.Method method = definition.getClass().getMethod("isRequired");
            method.setAccessible(true);
            Object value = method.invoke(definition);
            if (value instanceof Boolean flag) {
                return flag;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through to the rule below
        }
        return definition.getType() != AttributeDefinition.STRING && definition.getType() != AttributeDefinition.PASSWORD;
    }

    private static List<String> texts(AttributeDefinition definition, JsonElement element) throws InvalidValueException {
        List<String> texts = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return texts;
        }
        if (element.isJsonArray()) {
            if (definition.getCardinality() == 0) {
                throw new InvalidValueException(definition.getID(), UserMessage.of("value.oneValue",
                        definition.getName() + " takes one value, not a list", definition.getName()));
            }
            for (JsonElement item : (JsonArray) element) {
                if (!item.isJsonPrimitive()) {
                    throw new InvalidValueException(definition.getID(), UserMessage.of("value.list",
                            definition.getName() + " must be a list of values", definition.getName()));
                }
                String text = item.getAsString().trim();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            return texts;
        }
        if (!element.isJsonPrimitive()) {
            throw new InvalidValueException(definition.getID(), UserMessage.of("value.list",
                    definition.getName() + " must be a value", definition.getName()));
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        String text = primitive.getAsString();
        if (definition.getType() != AttributeDefinition.PASSWORD) {
            text = text.trim();
        }
        if (text.isEmpty()) {
            return texts;
        }
        if (definition.getCardinality() != 0) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.trim());
                }
            }
        } else {
            texts.add(text);
        }
        return texts;
    }

    private static Object single(AttributeDefinition definition, String text) throws InvalidValueException {
        String id = definition.getID();
        String name = definition.getName();
        Object value;
        try {
            value = switch (definition.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> finite(Double.valueOf(text));
                case AttributeDefinition.FLOAT -> (float) finite(Double.valueOf(text));
                case AttributeDefinition.BOOLEAN -> bool(text);
                case AttributeDefinition.CHARACTER -> character(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            boolean whole = definition.getType() != AttributeDefinition.DOUBLE && definition.getType() != AttributeDefinition.FLOAT;
            throw new InvalidValueException(id, UserMessage.of(whole ? "value.wholeNumber" : "value.number",
                    name + " must be " + (whole ? "a whole number" : "a number") + ", not '" + text + "'", name, text));
        } catch (IllegalArgumentException e) {
            boolean bool = definition.getType() == AttributeDefinition.BOOLEAN;
            throw new InvalidValueException(id, UserMessage.of(bool ? "value.boolean" : "value.character",
                    name + " " + e.getMessage() + ", not '" + text + "'", name, text));
        }
        String[] options = definition.getOptionValues();
        if (options != null && options.length > 0 && !List.of(options).contains(text)) {
            throw new InvalidValueException(id, UserMessage.of("value.oneOf", name + " must be one of "
                    + String.join(", ", options), name, String.join(", ", options)));
        }
        String problem = definition.validate(text);
        if (problem != null && !problem.isEmpty()) {
            throw new InvalidValueException(id, validation(definition, text, problem));
        }
        return value;
    }

    /**
     * The message for a problem {@link AttributeDefinition#validate} found. Felix Metatype answers
     * with fixed English texts (its keys {@code %less than minimum} ..., taken as the text where
     * the bundle has no translation of them); those get their own message key. Any other text (an
     * other metatype implementation) is passed on under {@code value.invalid}, which the page shows
     * with a lead-in in its language.
     */
    static UserMessage validation(AttributeDefinition definition, String value, String problem) {
        String name = definition.getName();
        String text = definition.getType() == AttributeDefinition.PASSWORD ? "…" : value;
        boolean textual = definition.getType() == AttributeDefinition.STRING || definition.getType() == AttributeDefinition.PASSWORD;
        String key = problem.strip();
        key = (key.startsWith("%") ? key.substring(1) : key).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "missing required value" -> UserMessage.of("value.required", name + " is required", name);
            case "less than minimum" -> textual
                    ? UserMessage.of("value.tooShort", name + " is shorter than allowed", name)
                    : UserMessage.of("value.tooSmall", name + " is less than the minimum, not '" + text + "'", name, text);
            case "greater than maximum" -> textual
                    ? UserMessage.of("value.tooLong", name + " is longer than allowed", name)
                    : UserMessage.of("value.tooLarge", name + " is greater than the maximum, not '" + text + "'", name, text);
            case "not a valid option" -> UserMessage.of("value.notOption", name + ": '" + text + "' is not one of the options",
                    name, text);
            case "invalid value" -> UserMessage.of("value.notValid", name + ": '" + text + "' is not a valid value", name, text);
            default -> UserMessage.of("value.invalid", name + ": " + problem, name, problem);
        };
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException();
        }
        return value;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> Boolean.TRUE;
            case "false", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static Character character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("must be one character");
        }
        return text.charAt(0);
    }

    static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    /** The type's name for the form: string, password, integer, number, boolean. */
    public static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "number";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }
}
