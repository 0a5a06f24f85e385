package org.chargingmanager.ocpp.internal;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Parses text as one JSON document, strictly: no single quotes, unquoted names or trailing
 * data, which Gson's {@code JsonParser} would accept.
 */
final class StrictJson {

    private static final TypeAdapter<JsonElement> ELEMENT_ADAPTER = new Gson().getAdapter(JsonElement.class);

    private StrictJson() {
    }

    /**
     * @throws IOException with Gson's reason when the text is not one valid JSON document
     */
    @SuppressWarnings("deprecation") // setLenient(false) is the strictest mode Gson 2.10 offers
    static JsonElement parse(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setLenient(false);
        JsonElement element = ELEMENT_ADAPTER.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("data after the JSON value");
        }
        return element;
    }
}
