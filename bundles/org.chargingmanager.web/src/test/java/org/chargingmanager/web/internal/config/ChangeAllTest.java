package org.chargingmanager.web.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Several settings forms saved together (the settings dialog behind a tile): every change is
 * checked before any is stored, so a bad value in a later form leaves the earlier ones as they
 * were; storing that fails half-way puts the stored ones back.
 */
class ChangeAllTest {

    /** An integer attribute with Felix's texts of validate(): at most {@code max}. */
    private record Attribute(String id, int type, Integer max) implements AttributeDefinition {
        @Override public String getName() { return "Field " + id; }
        @Override public String getID() { return id; }
        @Override public String getDescription() { return null; }
        @Override public int getCardinality() { return 0; }
        @Override public int getType() { return type; }
        @Override public String[] getOptionValues() { return null; }
        @Override public String[] getOptionLabels() { return null; }
        @Override public String[] getDefaultValue() { return null; }
        @Override public String validate(String value) {
            return max != null && Integer.parseInt(value) > max ? "%greater than maximum" : "";
        }
    }

    private static final Map<String, List<Attribute>> FORMS = Map.of(
            "org.chargingmanager.core.evse", List.of(new Attribute("evseId", AttributeDefinition.STRING, null),
                    new Attribute("priority", AttributeDefinition.INTEGER, 10)),
            "org.chargingmanager.simulator.wallbox", List.of(new Attribute("id", AttributeDefinition.STRING, null),
                    new Attribute("maxCurrentAmps", AttributeDefinition.INTEGER, 32)));

    /** ConfigurationAdmin in memory; {@code failOn} makes the update of that PID fail. */
    private final Map<String, Hashtable<String, Object>> stored = new LinkedHashMap<>();
    private final Map<String, String> factoryOf = new LinkedHashMap<>();
    private String failOn;
    private int created;

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getFactoryPid" -> factoryOf.get(pid);
                    case "getProperties" -> stored.containsKey(pid) ? new Hashtable<>(stored.get(pid)) : null;
                    case "update" -> {
                        if (pid.equals(failOn)) {
                            throw new IOException("disk full");
                        }
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        Hashtable<String, Object> copy = new Hashtable<>();
                        for (String key : java.util.Collections.list(properties.keys())) {
                            copy.put(key, properties.get(key));
                        }
                        stored.put(pid, copy);
                        yield null;
                    }
                    case "delete" -> {
                        stored.remove(pid);
                        factoryOf.remove(pid);
                        yield null;
                    }
                    case "hashCode" -> pid.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                case "listConfigurations" -> {
                    Matcher m = Pattern.compile("\\((service\\.pid|service\\.factoryPid)=(.*)\\)").matcher((String) args[0]);
                    assertThat(m.matches()).isTrue();
                    List<Configuration> found = new ArrayList<>();
                    for (String pid : stored.keySet()) {
                        if (m.group(1).equals("service.pid") ? pid.equals(m.group(2)) : m.group(2).equals(factoryOf.get(pid))) {
                            found.add(configuration(pid));
                        }
                    }
                    yield found.isEmpty() ? null : found.toArray(new Configuration[0]);
                }
                case "createFactoryConfiguration" -> {
                    String pid = args[0] + ".new" + (++created);
                    factoryOf.put(pid, (String) args[0]);
                    yield configuration(pid);
                }
                case "getConfiguration" -> configuration((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final MetaTypeService metaTypes = (MetaTypeService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MetaTypeService.class}, (proxy, method, args) -> Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MetaTypeInformation.class}, (p, m, a) -> switch (m.getName()) {
                        case "getPids" -> new String[0];
                        case "getFactoryPids" -> FORMS.keySet().toArray(new String[0]);
                        case "getObjectClassDefinition" -> definition((String) a[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    }));

    private static ObjectClassDefinition definition(String pid) {
        return (ObjectClassDefinition) Proxy.newProxyInstance(ChangeAllTest.class.getClassLoader(),
                new Class<?>[] {ObjectClassDefinition.class}, (p, m, a) -> switch (m.getName()) {
                    case "getName" -> pid;
                    case "getID" -> pid;
                    case "getDescription" -> "";
                    case "getAttributeDefinitions" -> FORMS.get(pid).toArray(new AttributeDefinition[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBundles" -> new Bundle[] {(Bundle) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Bundle.class}, (p, m, a) -> switch (m.getName()) {
                            case "getSymbolicName" -> "org.chargingmanager.core";
                            case "getState" -> Bundle.ACTIVE;
                            default -> throw new UnsupportedOperationException(m.getName());
                        })};
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final ConfigForms forms = new ConfigForms(context, metaTypes, admin, expression -> Optional.empty());

    private void storeDevice() {
        stored.put("org.chargingmanager.simulator.wallbox.carport", new Hashtable<>(Map.of("id", "carport",
                "maxCurrentAmps", 16)));
        factoryOf.put("org.chargingmanager.simulator.wallbox.carport", "org.chargingmanager.simulator.wallbox");
    }

    private static JsonObject values(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static final List<ConfigForms.Request> GOOD_THEN_BAD = List.of(
            new ConfigForms.Request(null, "org.chargingmanager.core.evse", values("{\"evseId\":\"carport-1\",\"priority\":3}")),
            new ConfigForms.Request("org.chargingmanager.simulator.wallbox.carport", null,
                    values("{\"id\":\"carport\",\"maxCurrentAmps\":\"40\"}")));

    @Test
    void aBadValueInALaterFormLeavesTheEarlierOnesUnstored() {
        storeDevice();
        Map<String, Hashtable<String, Object>> before = new LinkedHashMap<>(stored);

        assertThatThrownBy(() -> forms.applyAll(GOOD_THEN_BAD, null)).isInstanceOfSatisfying(ConfigForms.BatchException.class,
                e -> {
                    assertThat(e.failures()).hasSize(1);
                    assertThat(e.failures().get(0).index()).isEqualTo(1);
                    AttributeValues.InvalidValueException invalid = (AttributeValues.InvalidValueException) e.failures().get(0)
                            .problem();
                    assertThat(invalid.attributeId()).isEqualTo("maxCurrentAmps");
                    assertThat(invalid.userMessage().code()).isEqualTo("value.tooLarge");
                });
        assertThat(stored).isEqualTo(before);
        assertThat(created).as("no configuration created for the first form").isZero();
    }

    @Test
    void allGoodAllStored() throws Exception {
        storeDevice();
        List<String> pids = forms.applyAll(List.of(GOOD_THEN_BAD.get(0), new ConfigForms.Request(
                "org.chargingmanager.simulator.wallbox.carport", null, values("{\"id\":\"carport\",\"maxCurrentAmps\":\"11\"}"))),
                null);
        assertThat(pids).containsExactly("org.chargingmanager.core.evse.new1", "org.chargingmanager.simulator.wallbox.carport");
        assertThat(stored.get("org.chargingmanager.core.evse.new1")).containsEntry("priority", 3);
        assertThat(stored.get("org.chargingmanager.simulator.wallbox.carport")).containsEntry("maxCurrentAmps", 11);
    }

    @Test
    void storingThatFailsHalfWayPutsTheStoredOnesBack() {
        storeDevice();
        stored.put("org.chargingmanager.core.evse.old", new Hashtable<>(Map.of("evseId", "carport-1", "priority", 1)));
        factoryOf.put("org.chargingmanager.core.evse.old", "org.chargingmanager.core.evse");
        failOn = "org.chargingmanager.simulator.wallbox.carport";

        assertThatThrownBy(() -> forms.applyAll(List.of(
                new ConfigForms.Request("org.chargingmanager.core.evse.old", null, values("{\"evseId\":\"carport-1\",\"priority\":5}")),
                new ConfigForms.Request("org.chargingmanager.simulator.wallbox.carport", null,
                        values("{\"id\":\"carport\",\"maxCurrentAmps\":\"11\"}"))), null))
                .isInstanceOf(ConfigForms.BatchException.class);
        assertThat(stored.get("org.chargingmanager.core.evse.old")).containsEntry("priority", 1);
    }

    @Test
    void theServletAnswersEveryBadFormWithItsIndexAndField() throws Exception {
        storeDevice();
        ConfigServlet servlet = new ConfigServlet(context);
        for (String[] field : new String[][] {{"metaTypes", null}, {"configurationAdmin", null}}) {
            Field f = ConfigServlet.class.getDeclaredField(field[0]);
            f.setAccessible(true);
            f.set(servlet, field[0].equals("metaTypes") ? metaTypes : admin);
        }
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/v1/config", null).body("{\"changes\": ["
                + "{\"factoryPid\": \"org.chargingmanager.core.evse\", \"values\": {\"evseId\": \"carport-1\", \"priority\": \"x\"}},"
                + "{\"pid\": \"org.chargingmanager.simulator.wallbox.carport\", \"values\": {\"id\": \"carport\","
                + " \"maxCurrentAmps\": \"40\"}}]}").servlet(), response.servlet());

        assertThat(response.status()).isEqualTo(400);
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo("value.wholeNumber");
        assertThat(body.get("field").getAsString()).isEqualTo("priority");
        assertThat(body.get("change").getAsInt()).isZero();
        assertThat(body.getAsJsonArray("errors")).hasSize(2);
        JsonObject second = body.getAsJsonArray("errors").get(1).getAsJsonObject();
        assertThat(second.get("change").getAsInt()).isEqualTo(1);
        assertThat(second.get("field").getAsString()).isEqualTo("maxCurrentAmps");
        assertThat(second.get("code").getAsString()).isEqualTo("value.tooLarge");
        assertThat(stored.get("org.chargingmanager.simulator.wallbox.carport")).containsEntry("maxCurrentAmps", 16);
        assertThat(created).isZero();

        FakeHttp.Response good = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/v1/config", null).body("{\"changes\": ["
                + "{\"pid\": \"org.chargingmanager.simulator.wallbox.carport\", \"values\": {\"id\": \"carport\","
                + " \"maxCurrentAmps\": \"20\"}}]}").servlet(), good.servlet());
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().getAsJsonArray("pids").get(0).getAsString()).isEqualTo("org.chargingmanager.simulator.wallbox.carport");

        FakeHttp.Response shape = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/v1/config", null).body("{\"changes\": [{\"values\": {}}]}").servlet(),
                shape.servlet());
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.json().get("code").getAsString()).isEqualTo("http.bodyShape");
    }
}
