package org.chargingmanager.web.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

class AttributeValuesTest {

    /** A metatype attribute as a driver declares it; min/max checked by validate() as Felix Metatype does. */
    private record Definition(String id, int type, int cardinality, boolean required, String[] options, Double max)
            implements AttributeDefinition {
        @Override public String getName() { return "Field " + id; }
        @Override public String getID() { return id; }
        @Override public String getDescription() { return null; }
        @Override public int getCardinality() { return cardinality; }
        @Override public int getType() { return type; }
        @Override public String[] getOptionValues() { return options; }
        @Override public String[] getOptionLabels() { return options; }
        @Override public String[] getDefaultValue() { return null; }
        @Override public String validate(String value) {
            return max != null && Double.parseDouble(value) > max ? "at most " + max : "";
        }
        public boolean isRequired() { return required; }
    }

    @Test
    void valuesAreTypedAsTheMetatypeSays() throws Exception {
        assertThat(AttributeValues.convert(new Definition("a", AttributeDefinition.INTEGER, 0, true, null, null),
                new JsonPrimitive(" 3 "))).isEqualTo(3);
        assertThat(AttributeValues.convert(new Definition("a", AttributeDefinition.DOUBLE, 0, true, null, null),
                new JsonPrimitive("16.5"))).isEqualTo(16.5);
        assertThat(AttributeValues.convert(new Definition("a", AttributeDefinition.BOOLEAN, 0, true, null, null),
                new JsonPrimitive("false"))).isEqualTo(false);
        JsonArray list = new JsonArray();
        list.add("MON");
        list.add(" TUE ");
        assertThat((String[]) AttributeValues.convert(new Definition("a", AttributeDefinition.STRING, 10, false, null, null),
                list)).containsExactly("MON", "TUE");
        assertThat((String[]) AttributeValues.convert(new Definition("a", AttributeDefinition.STRING, 10, false, null, null),
                new JsonPrimitive("MON, TUE"))).containsExactly("MON", "TUE");
    }

    @Test
    void anOptionalTextLeftEmptyIsStoredEmptyAnOptionalNumberIsRemoved() throws Exception {
        assertThat(AttributeValues.convert(new Definition("a", AttributeDefinition.STRING, 0, false, null, null),
                new JsonPrimitive(" "))).isEqualTo("");
        assertThat(AttributeValues.convert(new Definition("a", AttributeDefinition.INTEGER, 0, false, null, null),
                JsonNull.INSTANCE)).isNull();
    }

    @Test
    void badValuesNameTheFieldAndTheProblem() {
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("max", AttributeDefinition.DOUBLE, 0, true, null, null),
                new JsonPrimitive("sixteen"))).isInstanceOf(AttributeValues.InvalidValueException.class)
                .hasMessage("Field max must be a number, not 'sixteen'")
                .extracting(e -> ((AttributeValues.InvalidValueException) e).attributeId()).isEqualTo("max");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("n", AttributeDefinition.INTEGER, 0, true, null, null),
                new JsonPrimitive("1.5"))).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("n", AttributeDefinition.DOUBLE, 0, true, null, null),
                new JsonPrimitive("NaN"))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("r", AttributeDefinition.STRING, 0, true, null, null),
                new JsonPrimitive(""))).hasMessage("Field r is required");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("p", AttributeDefinition.INTEGER, 0, true,
                new String[] {"1", "3"}, null), new JsonPrimitive("2"))).hasMessage("Field p must be one of 1, 3");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("c", AttributeDefinition.DOUBLE, 0, true, null, 32.0),
                new JsonPrimitive("40"))).hasMessage("Field c: at most 32.0");
        assertThatThrownBy(() -> AttributeValues.convert(new Definition("b", AttributeDefinition.BOOLEAN, 0, true, null, null),
                new JsonPrimitive("maybe"))).hasMessageContaining("must be true or false");
    }
}
