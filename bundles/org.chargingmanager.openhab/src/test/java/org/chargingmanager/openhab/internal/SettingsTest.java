package org.chargingmanager.openhab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080, http://localhost:8080",
            "  http://openhab.local:8080/  , http://openhab.local:8080",
            "http://openhab.local:8080/rest, http://openhab.local:8080",
            "http://openhab.local:8080/rest/, http://openhab.local:8080",
            "https://home.example.org/openhab, https://home.example.org/openhab",
            "HTTP://[::1]:8080, http://[::1]:8080" })
    void baseUrls(String text, String expected) {
        assertThat(Settings.baseUri(text)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "localhost:8080", "openhab.local", "ftp://openhab.local", "http://", "http:// bad",
            "http://user:secret@openhab.local:8080" })
    void badUrlsAreRefusedWithAHint(String text) {
        assertThatThrownBy(() -> Settings.baseUri(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openHAB URL").hasMessageNotContaining("secret");
    }

    @Test
    void aTokenThatCannotBeSentIsRefusedWithoutShowingIt() {
        OpenHabRestConfig config = Configs.of(OpenHabRestConfig.class, Map.of("_apiToken", "oh.abc def"));
        assertThatThrownBy(() -> Settings.from(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("API token").hasMessageNotContaining("oh.abc");
    }

    @Test
    void defaults() {
        Settings settings = Settings.from(Configs.of(OpenHabRestConfig.class, Map.of()));
        assertThat(settings.baseUri()).hasToString("http://localhost:8080");
        assertThat(settings.apiToken()).isEmpty();
        assertThat(settings.mapping().itemFor("AVAIL")).contains("ChargingManager_AVAIL");
        assertThat(settings.minInterval().toMillis()).isEqualTo(1000);
        assertThat(settings.pollInterval().toMillis()).isEqualTo(1000);
        assertThat(settings.nanAsUndef()).isTrue();
        assertThat(settings.checkInterval().toSeconds()).isEqualTo(60);
    }

    @Test
    void itemMapping() {
        ItemMapping mapping = ItemMapping.parse(
                new String[] { "TARIF=CM_Tarif, avail = CM_Avail", "BROKEN", "X=bad-name", "=CM_Empty", "" }, "");
        assertThat(mapping.itemFor("tarif")).contains("CM_Tarif");
        assertThat(mapping.itemFor("AVAIL")).contains("CM_Avail");
        assertThat(mapping.itemFor("GRID")).isEmpty();
        assertThat(mapping.problems()).hasSize(3).anyMatch(problem -> problem.contains("BROKEN"))
                .anyMatch(problem -> problem.contains("bad-name"));

        ItemMapping prefixed = ItemMapping.parse(new String[0], "Wallbox_");
        assertThat(prefixed.itemFor("grid_w")).contains("Wallbox_GRID_W");

        assertThat(ItemMapping.parse(null, "bad prefix").problems()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "100.0, 100", "0.25, 0.25", "-0.0, 0", "0, 0", "1.0E-7, 0.0000001", "1.0E20, 100000000000000000000",
            "55000.5, 55000.5", "-12.75, -12.75", "NaN, UNDEF", "Infinity, UNDEF" })
    void stateTexts(double value, String expected) {
        assertThat(StateFormat.format(value, true)).contains(expected);
    }

    @Test
    void nanIsNotSentWhenUndefIsOff() {
        assertThat(StateFormat.format(Double.NaN, false)).isEmpty();
    }
}
