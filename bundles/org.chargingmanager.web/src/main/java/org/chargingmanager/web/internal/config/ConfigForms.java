package org.chargingmanager.web.internal.config;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chargingmanager.web.internal.i18n.ExpressionMessages;
import org.chargingmanager.api.platform.UserMessage;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The settings forms of every charging manager bundle, built from their metatype (so a new
 * driver bundle brings its form with it), and the configurations behind them in
 * ConfigurationAdmin. Only PIDs that a bundle named {@code org.chargingmanager.*} describes in
 * its metatype can be read or changed here.
 *
 * <p>Kinds, for grouping on the page: a factory whose form has an {@code id} attribute, of a
 * bundle that imports the charging point or meter API, makes {@code device}s (wallbox and meter
 * drivers); one with {@code evseId} makes {@code evse} settings (one per charging point); other
 * factories (tariffs, rules ...) are {@code other}; single PIDs are {@code settings}. Password values are never sent to the browser: an empty password field
 * keeps the stored one. A text whose description speaks of an "expression" (the house
 * connection's limits, a rule's condition) is computed over today's variables before it is
 * stored, and refused with the formula's error.
 */
public final class ConfigForms {

    static final String BUNDLE_PREFIX = "org.chargingmanager.";

    private final BundleContext context;
    private final MetaTypeService metaTypes;
    private final ConfigurationAdmin configurationAdmin;
    private final java.util.function.Function<String, Optional<String>> expressionCheck;

    /**
     * @param expressionCheck the error of a formula over the variables, empty if it is good; asked
     *     for every text attribute whose metatype description speaks of an "expression"
     */
    public ConfigForms(BundleContext context, MetaTypeService metaTypes, ConfigurationAdmin configurationAdmin,
            java.util.function.Function<String, Optional<String>> expressionCheck) {
        this.context = context;
        this.metaTypes = metaTypes;
        this.configurationAdmin = configurationAdmin;
        this.expressionCheck = expressionCheck;
    }

    /** Whether a text attribute holds a formula over the variables: its description says "expression". */
    static boolean isExpression(AttributeDefinition attribute) {
        return attribute.getType() == AttributeDefinition.STRING && attribute.getCardinality() == 0
                && attribute.getDescription() != null
                && attribute.getDescription().toLowerCase(java.util.Locale.ROOT).contains("expression");
    }

    /**
     * The language of the definitions the checks work with (names in error messages, "expression"
     * in a description): English, whatever the JVM's default locale.
     */
    static final String CHECK_LANGUAGE = "en";

    /** A form: its PID, whether it is a factory, its (English) definition, the bundle that describes it. */
    record Form(String pid, boolean factory, ObjectClassDefinition definition, String bundle, MetaTypeInformation information) {

        /** The definition in a language for the page: the bundle's translation, if it has one, else English. */
        ObjectClassDefinition display(String language) {
            if (language == null || language.isBlank() || language.equals(CHECK_LANGUAGE)) {
                return definition;
            }
            ObjectClassDefinition translated = information.getObjectClassDefinition(pid, language);
            return translated == null ? definition : translated;
        }
    }

    List<Form> forms() {
        List<Form> forms = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(BUNDLE_PREFIX) || bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            for (String pid : information.getPids()) {
                forms.add(new Form(pid, false, information.getObjectClassDefinition(pid, CHECK_LANGUAGE), name, information));
            }
            for (String pid : information.getFactoryPids()) {
                forms.add(new Form(pid, true, information.getObjectClassDefinition(pid, CHECK_LANGUAGE), name, information));
            }
        }
        forms.sort(Comparator.comparing(form -> form.definition().getName()));
        return forms;
    }

    Optional<Form> form(String pid) {
        return forms().stream().filter(form -> form.pid().equals(pid)).findFirst();
    }

    /**
     * Every form with its attributes and current values.
     *
     * @param language for names, descriptions and option labels ("de"): a bundle's metatype
     *     translation where it has one, else English
     */
    public JsonObject json(String language) throws IOException {
        JsonArray array = new JsonArray();
        for (Form form : forms()) {
            ObjectClassDefinition display = form.display(language);
            JsonObject json = new JsonObject();
            json.addProperty("pid", form.pid());
            json.addProperty("factory", form.factory());
            json.addProperty("name", display.getName());
            json.addProperty("description", display.getDescription());
            json.addProperty("bundle", form.bundle());
            AttributeDefinition[] attributes = attributes(form.definition());
            AttributeDefinition[] displayed = attributes(display);
            json.addProperty("kind", kind(form, attributes));
            JsonArray attributeArray = new JsonArray();
            for (AttributeDefinition attribute : attributes) {
                AttributeDefinition shown = java.util.Arrays.stream(displayed).filter(a -> a.getID().equals(attribute.getID()))
                        .findFirst().orElse(attribute);
                attributeArray.add(attributeJson(attribute, shown));
            }
            json.add("attributes", attributeArray);
            if (form.factory()) {
                JsonArray instances = new JsonArray();
                for (Configuration configuration : list("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + form.pid() + ")")) {
                    JsonObject instance = new JsonObject();
                    instance.addProperty("pid", configuration.getPid());
                    instance.add("values", values(attributes, configuration.getProperties()));
                    instances.add(instance);
                }
                json.add("instances", instances);
            } else {
                List<Configuration> found = list("(" + Constants.SERVICE_PID + "=" + form.pid() + ")");
                json.add("values", values(attributes, found.isEmpty() ? null : found.get(0).getProperties()));
                json.addProperty("configured", !found.isEmpty());
            }
            array.add(json);
        }
        JsonObject body = new JsonObject();
        body.add("forms", array);
        return body;
    }

    /**
     * A change checked against its form and ready to be stored: the configuration's new
     * properties, and what it held before (to undo it).
     *
     * @param factoryPid the factory of a configuration to create, or null to change {@code configuration}
     * @param configuration the configuration to change, or null to create one of {@code factoryPid}
     */
    public record Change(String factoryPid, Configuration configuration, Dictionary<String, Object> properties,
            Dictionary<String, Object> previous) {
    }

    /** A form or configuration that is not there: answered with 404. */
    public static final class NotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UserMessage userMessage;

        NotFoundException(UserMessage message) {
            super(message.english());
            this.userMessage = message;
        }

        public UserMessage userMessage() {
            return userMessage;
        }
    }

    /**
     * Creates a configuration of a factory PID from the form's values.
     *
     * @return the new configuration's PID
     */
    public String create(String factoryPid, JsonObject values, String language)
            throws IOException, AttributeValues.InvalidValueException {
        return apply(checkCreate(factoryPid, values, language));
    }

    /** Replaces the values of a single PID's configuration or of one factory configuration. */
    public void update(String pid, JsonObject values, String language) throws IOException, AttributeValues.InvalidValueException {
        apply(checkUpdate(pid, values, language));
    }

    /** Checks the values for a new configuration of a factory PID without storing anything. */
    public Change checkCreate(String factoryPid, JsonObject values, String language)
            throws IOException, AttributeValues.InvalidValueException {
        Form form = form(factoryPid).filter(Form::factory).orElseThrow(() -> new NotFoundException(UserMessage.of(
                "config.noForm", "no device type or factory '" + factoryPid + "'", factoryPid)));
        return new Change(factoryPid, null, convert(form, values, null, language), null);
    }

    /** Checks new values of a single PID's configuration or of one factory configuration without storing them. */
    public Change checkUpdate(String pid, JsonObject values, String language)
            throws IOException, AttributeValues.InvalidValueException {
        Configuration configuration = configuration(pid);
        String formPid = configuration.getFactoryPid() != null ? configuration.getFactoryPid() : pid;
        Form form = form(formPid).orElseThrow(() -> new NotFoundException(UserMessage.of(
                "config.noForm", "no settings form '" + pid + "'", pid)));
        Dictionary<String, Object> previous = configuration.getProperties();
        return new Change(null, configuration, convert(form, values, previous, language), previous);
    }

    /**
     * Stores a checked change.
     *
     * @return the PID of the configuration (the new one when created)
     */
    public String apply(Change change) throws IOException {
        Configuration configuration = change.configuration() != null ? change.configuration()
                : configurationAdmin.createFactoryConfiguration(change.factoryPid(), null);
        configuration.update(change.properties());
        return configuration.getPid();
    }

    /**
     * Checks every change first and stores them only if all are good, in order. Should storing
     * one fail, those stored before it are put back as they were (created ones deleted).
     *
     * @return the PID of each change's configuration, in order
     * @throws BatchException with the problem of every change that is bad (nothing stored), or of
     *     the one that could not be stored
     */
    public List<String> applyAll(List<Request> requests, String language) throws BatchException {
        List<Change> changes = new ArrayList<>();
        List<BatchException.Failure> failures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            try {
                changes.add(request.factoryPid() != null ? checkCreate(request.factoryPid(), request.values(), language)
                        : checkUpdate(request.pid(), request.values(), language));
            } catch (AttributeValues.InvalidValueException | NotFoundException | IOException e) {
                failures.add(new BatchException.Failure(i, e));
            }
        }
        if (!failures.isEmpty()) {
            throw new BatchException(failures);
        }
        List<String> pids = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            try {
                pids.add(apply(changes.get(i)));
            } catch (IOException | RuntimeException e) {
                undo(changes.subList(0, i), pids);
                throw new BatchException(List.of(new BatchException.Failure(i, e)));
            }
        }
        return pids;
    }

    private void undo(List<Change> applied, List<String> pids) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            Change change = applied.get(i);
            try {
                if (change.configuration() == null) {
                    configuration(pids.get(i)).delete();
                } else if (change.previous() == null) {
                    change.configuration().delete();
                } else {
                    change.configuration().update(change.previous());
                }
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ConfigForms.class).error("Settings: could not undo the change of {}: {}",
                        pids.get(i), e.getMessage());
            }
        }
    }

    /** One change of {@link #applyAll}: {@code pid} of a configuration or single form, or {@code factoryPid} to create one. */
    public record Request(String pid, String factoryPid, JsonObject values) {
    }

    /** Changes of {@link #applyAll} that are bad (their problems), or the one that could not be stored. */
    public static final class BatchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Failure> failures;

        /** The change at {@code index} (of the request) and its problem. */
        public record Failure(int index, Exception problem) {
        }

        BatchException(List<Failure> failures) {
            super("change " + failures.get(0).index() + ": " + failures.get(0).problem().getMessage(), failures.get(0).problem());
            this.failures = List.copyOf(failures);
        }

        /** In the order of the changes; at least one. */
        public List<Failure> failures() {
            return failures;
        }
    }

    /** Deletes one factory configuration (a device, a rule). */
    public void delete(String pid) throws IOException {
        Configuration configuration = configuration(pid);
        if (configuration.getFactoryPid() == null || form(configuration.getFactoryPid()).isEmpty()) {
            throw new NotFoundException(UserMessage.of("config.notDeletable", "'" + pid + "' cannot be deleted here", pid));
        }
        configuration.delete();
    }

    private Configuration configuration(String pid) throws IOException {
        List<Configuration> found = list("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (form(pid).filter(form -> !form.factory()).isPresent()) {
            return configurationAdmin.getConfiguration(pid, null);
        }
        throw new NotFoundException(UserMessage.of("config.noConfiguration", "no configuration '" + pid + "'", pid));
    }

    /** @param language of the field names in the messages' arguments (the English text stays English) */
    private Dictionary<String, Object> convert(Form form, JsonObject values, Dictionary<String, Object> existing, String language)
            throws AttributeValues.InvalidValueException {
        Dictionary<String, Object> properties = new Hashtable<>();
        if (existing != null) {
            for (Enumeration<String> keys = existing.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                properties.put(key, existing.get(key));
            }
        }
        AttributeDefinition[] attributes = attributes(form.definition());
        for (String key : values.keySet()) {
            if (java.util.Arrays.stream(attributes).noneMatch(attribute -> attribute.getID().equals(key))) {
                throw new AttributeValues.InvalidValueException(key, UserMessage.of("value.unknownField",
                        "unknown field '" + key + "'", key));
            }
        }
        for (AttributeDefinition attribute : attributes) {
            JsonElement element = values.get(attribute.getID());
            boolean keepPassword = attribute.getType() == AttributeDefinition.PASSWORD && existing != null
                    && existing.get(attribute.getID()) != null
                    && (element == null || element.isJsonNull() || element.getAsString().isEmpty());
            if (keepPassword) {
                continue;
            }
            Object value;
            try {
                value = AttributeValues.convert(attribute, element);
            } catch (AttributeValues.InvalidValueException e) {
                throw e.naming(attribute.getName(), shownName(form, attribute, language));
            }
            if (value instanceof String text && !text.isBlank() && isExpression(attribute)) {
                Optional<String> problem = expressionCheck.apply(text);
                if (problem.isPresent()) {
                    throw new AttributeValues.InvalidValueException(attribute.getID(), UserMessage.of("value.formula",
                            attribute.getName() + ": " + problem.get(), shownName(form, attribute, language),
                            ExpressionMessages.of(problem.get())));
                }
            }
            if (value == null) {
                properties.remove(attribute.getID());
            } else {
                properties.put(attribute.getID(), value);
            }
        }
        return properties;
    }

    private static String shownName(Form form, AttributeDefinition attribute, String language) {
        for (AttributeDefinition shown : attributes(form.display(language))) {
            if (shown.getID().equals(attribute.getID())) {
                return shown.getName();
            }
        }
        return attribute.getName();
    }

    /** Whether the bundle uses the charging point or meter API: a wallbox or meter driver. */
    private boolean drivesDevices(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                String imports = bundle.getHeaders("").get(Constants.IMPORT_PACKAGE);
                return imports != null && (imports.contains("org.chargingmanager.api.evse")
                        || imports.contains("org.chargingmanager.api.meter"));
            }
        }
        return false;
    }

    private static AttributeDefinition[] attributes(ObjectClassDefinition definition) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return attributes == null ? new AttributeDefinition[0] : attributes;
    }

    private String kind(Form form, AttributeDefinition[] attributes) {
        if (!form.factory()) {
            return "settings";
        }
        for (AttributeDefinition attribute : attributes) {
            if (attribute.getID().equals("id") && drivesDevices(form.bundle())) {
                return "device";
            }
        }
        for (AttributeDefinition attribute : attributes) {
            if (attribute.getID().equals("evseId")) {
                return "evse";
            }
        }
        return "other";
    }

    /** An attribute's type, rules and defaults from its English definition, its texts from {@code shown}. */
    private static JsonObject attributeJson(AttributeDefinition attribute, AttributeDefinition shown) {
        JsonObject json = new JsonObject();
        json.addProperty("id", attribute.getID());
        json.addProperty("name", shown.getName());
        json.addProperty("description", shown.getDescription());
        json.addProperty("type", AttributeValues.typeName(attribute.getType()));
        json.addProperty("multiple", attribute.getCardinality() != 0);
        json.addProperty("required", AttributeValues.isRequired(attribute));
        json.addProperty("expression", isExpression(attribute));
        JsonArray defaults = new JsonArray();
        if (attribute.getDefaultValue() != null && attribute.getType() != AttributeDefinition.PASSWORD) {
            for (String value : attribute.getDefaultValue()) {
                defaults.add(value);
            }
        }
        json.add("default", defaults);
        if (attribute.getOptionValues() != null && attribute.getOptionValues().length > 0) {
            JsonArray options = new JsonArray();
            String[] labels = shown.getOptionLabels();
            String[] optionValues = attribute.getOptionValues();
            for (int i = 0; i < optionValues.length; i++) {
                JsonObject option = new JsonObject();
                option.addProperty("value", optionValues[i]);
                option.addProperty("label", labels != null && i < labels.length ? labels[i] : optionValues[i]);
                options.add(option);
            }
            json.add("options", options);
        }
        return json;
    }

    private static JsonObject values(AttributeDefinition[] attributes, Dictionary<String, Object> properties) {
        JsonObject values = new JsonObject();
        if (properties == null) {
            return values;
        }
        for (AttributeDefinition attribute : attributes) {
            Object value = properties.get(attribute.getID());
            if (value == null) {
                continue;
            }
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                values.addProperty(attribute.getID(), "");
                continue;
            }
            values.add(attribute.getID(), element(value));
        }
        return values;
    }

    private static JsonElement element(Object value) {
        if (value.getClass().isArray()) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(element(Array.get(value, i)));
            }
            return array;
        }
        if (value instanceof java.util.Collection<?> collection) {
            JsonArray array = new JsonArray();
            collection.forEach(item -> array.add(element(item)));
            return array;
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.toString());
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(filter);
            if (found == null) {
                return Collections.emptyList();
            }
            List<Configuration> sorted = new ArrayList<>(List.of(found));
            sorted.sort(Comparator.comparing(Configuration::getPid));
            return sorted;
        } catch (InvalidSyntaxException e) {
            throw new NotFoundException(UserMessage.of("config.badPid", "bad PID in '" + filter + "'", filter));
        }
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static Map<String, Object> map(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }
}
