package org.chargingmanager.eichrecht.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checker the export tests rely on finds what the transparency software refuses. */
class TransparencyRulesTest {

    private static String record(String formatVersion, String readings) {
        return "OCMF|{\"FV\":\"" + formatVersion + "\",\"GI\":\"T\",\"GS\":\"1\",\"GV\":\"1\",\"PG\":\"T1\",\"RD\":["
                + readings + "]}|{\"SD\":\"00\"}";
    }

    private static String reading(String type, String obis, boolean statusAndUnit) {
        return "{\"TM\":\"2026-11-22T10:00:00,000+0000 I\",\"TX\":\"" + type + "\",\"RV\":1.5,\"RI\":\"" + obis + "\""
                + (statusAndUnit ? ",\"RU\":\"kWh\",\"ST\":\"G\"" : "") + "}";
    }

    @Test
    void aGoodPairHasNoViolations() throws Exception {
        assertThat(TransparencyRules.violations(List.of(record("1.0", reading("B", "1-b:1.8.0", true)),
                record("1.0", reading("E", "1-b:1.8.0", true))))).isEmpty();
    }

    @Test
    void eachRuleIsReported() throws Exception {
        assertThat(TransparencyRules.violations(List.of(record("1.4", reading("B", "1-b:1.8.0", true)),
                record("1.0", reading("E", "1-b:1.8.0", true))))).contains("format version 1.4");
        assertThat(TransparencyRules.violations(List.of(record("1.0", reading("B", "1-b:1.8.0", false)),
                record("1.0", reading("E", "1-b:1.8.0", true)))))
                .contains("record 0: no ST on the first reading", "record 0: no RU on the first reading");
        assertThat(TransparencyRules.violations(List.of(record("1.0", reading("B", "2-b:1.8.0", true)),
                record("1.0", reading("E", "1-b:1.7.0", true)))))
                .contains("record 0: OBIS 2-b:1.8.0 is not A=1, D=8", "record 1: OBIS 1-b:1.7.0 is not A=1, D=8");
        assertThat(TransparencyRules.violations(List.of(record("1.0", reading("B", "1-b:1.8.0", true)),
                record("1.0", reading("E", "1-b:1.8.0", true)), record("1.0", reading("E", "1-b:1.8.0", true)))))
                .contains("2 end readings");
        assertThat(TransparencyRules.violations(List.of(record("1.0", reading("E", "1-b:1.8.0", true)),
                record("1.0", reading("B", "1-b:1.8.0", true)))))
                .contains("the begin value contains an end reading", "the end value contains a begin reading");
    }
}
