package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonParser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.chargingmanager.ocpp.RpcError;

/**
 * Fuzzing: random text, random JSON and valid frames with random damage never make the codec
 * throw, and every rejection is an answer that can be sent.
 */
class MalformedInputPropertiesTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);
    private static final Ocpp16JsonCodec CHARGE_POINT = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);
    private static final PendingActionLookup ANY_ACTION_PENDING = id -> Optional.of(Action.values()[
            Math.floorMod(id.hashCode(), Action.values().length)].wireName());

    private static final List<String> VALID_FRAMES = validFrames();

    private static List<String> validFrames() {
        List<String> frames = new ArrayList<>();
        Samples.requests().forEach((action, request) -> {
            Ocpp16JsonCodec sender = action.isSentBy(Role.CHARGE_POINT) ? CHARGE_POINT : CENTRAL_SYSTEM;
            frames.add(sender.encodeCall(new OutgoingCall("id-" + action.ordinal(), request)));
        });
        Samples.confirmations().forEach((action, confirmation) ->
                frames.add(CENTRAL_SYSTEM.encodeConfirmation("id-" + action.ordinal(), confirmation)));
        return frames;
    }

    @Property(tries = 2000)
    void randomTextNeverThrows(@ForAll String text) {
        assertAnswerable(text);
    }

    @Property(tries = 3000)
    void damagedValidFramesNeverThrow(@ForAll("damagedFrames") String text) {
        assertAnswerable(text);
    }

    @Property(tries = 2000)
    void randomJsonArraysNeverThrow(@ForAll("randomJsonArrays") String text) {
        assertAnswerable(text);
    }

    @Example
    void deeplyNestedJsonIsRejected() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertAnswerable(deep);
        assertAnswerable("[2,\"x\",\"Heartbeat\"," + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "]");
    }

    @Example
    void hugeInputIsAnsweredShortly() {
        String huge = "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"" + "v".repeat(5_000_000) + "\"}]";
        Inbound inbound = CENTRAL_SYSTEM.decode(huge, PendingActionLookup.none());

        assertThat(inbound).isInstanceOf(Inbound.Rejected.class);
        assertThat(((Inbound.Rejected) inbound).reply().description()).isEqualTo("vendorId: longer than 255 characters");
    }

    @Example
    void extremeNumbersAreRejectedNotThrown() {
        for (String number : List.of("1e999999999", "-1e-999999999", "1e2147483648", "123456789012345678901234567890",
                "1E+9", "0.0000000001")) {
            assertAnswerable("[2,\"n\",\"StartTransaction\",{\"connectorId\":" + number
                    + ",\"idTag\":\"A\",\"meterStart\":" + number + ",\"timestamp\":\"2024-05-01T10:15:30Z\"}]");
            assertAnswerable("[2,\"n\",\"SetChargingProfile\",{\"connectorId\":1,\"csChargingProfiles\":"
                    + "{\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxProfile\","
                    + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
                    + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":" + number + "}]}}}]");
        }
    }

    private static void assertAnswerable(String text) {
        for (Ocpp16JsonCodec codec : List.of(CENTRAL_SYSTEM, CHARGE_POINT)) {
            for (PendingActionLookup lookup : List.of(PendingActionLookup.none(), ANY_ACTION_PENDING)) {
                Inbound inbound = codec.decode(text, lookup);
                assertThat(inbound).isNotNull();
                if (inbound instanceof Inbound.Rejected rejected) {
                    RpcError reply = rejected.reply();
                    assertThat(reply.messageId()).isNotEmpty().hasSizeLessThanOrEqualTo(36);
                    assertThat(reply.description()).isNotEmpty().hasSizeLessThan(500);
                    String answer = codec.encodeError(reply);
                    assertThat(JsonParser.parseString(answer).getAsJsonArray()).hasSize(5);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> damagedFrames() {
        Arbitrary<String> frame = Arbitraries.of(VALID_FRAMES);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> character = Arbitraries.oneOf(Arbitraries.of('[', ']', '{', '}', '"', ',', ':', '\\',
                '0', '9', '-', '.', 'e', 'n', ' ', '\u0000', 'Z'), Arbitraries.chars());
        Arbitrary<Integer> operation = Arbitraries.integers().between(0, 3);
        return frame.flatMap(text -> Arbitraries.integers().between(1, 5).flatMap(count ->
                tuples(position, character, operation).list().ofSize(count)
                        .map(damages -> damage(text, damages))));
    }

    private static Arbitrary<Tuple.Tuple3<Integer, Character, Integer>> tuples(Arbitrary<Integer> position,
            Arbitrary<Character> character, Arbitrary<Integer> operation) {
        return net.jqwik.api.Combinators.combine(position, character, operation).as(Tuple::of);
    }

    private static String damage(String text, List<Tuple.Tuple3<Integer, Character, Integer>> damages) {
        StringBuilder damaged = new StringBuilder(text);
        for (Tuple.Tuple3<Integer, Character, Integer> damage : damages) {
            if (damaged.length() == 0) {
                break;
            }
            int at = damage.get1() % damaged.length();
            switch (damage.get3()) {
                case 0 -> damaged.deleteCharAt(at);
                case 1 -> damaged.insert(at, damage.get2());
                case 2 -> damaged.setCharAt(at, damage.get2());
                default -> damaged.setLength(at);
            }
        }
        return damaged.toString();
    }

    @Provide
    Arbitrary<String> randomJsonArrays() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "2", "3", "4", "2.0", "1e400", "\"\"", "{}", "[]",
                        "\"Heartbeat\"", "\"BootNotification\"", "\"MeterValues\"", "\"Accepted\"",
                        "\"2024-05-01T10:15:30Z\"", "\"id-1\""),
                Arbitraries.strings().ofMaxLength(40).map(s -> com.google.gson.JsonParser.parseString(
                        new com.google.gson.JsonPrimitive(s).toString()).toString()),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> field = Arbitraries.of("connectorId", "status", "meterValue", "sampledValue", "value",
                "timestamp", "idTag", "chargePointVendor", "chargePointModel", "currentTime", "interval", "x");
        Arbitrary<String> object = Combinators2.objects(field, scalar);
        Arbitrary<String> element = Arbitraries.oneOf(scalar, object);
        return element.list().ofMinSize(0).ofMaxSize(6).map(elements -> "[" + String.join(",", elements) + "]");
    }

    /** Small JSON objects of random fields, nested one level. */
    private static final class Combinators2 {
        static Arbitrary<String> objects(Arbitrary<String> field, Arbitrary<String> scalar) {
            Arbitrary<String> member = net.jqwik.api.Combinators.combine(field, scalar)
                    .as((name, value) -> "\"" + name + "\":" + value);
            Arbitrary<String> flat = member.list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}");
            Arbitrary<String> nested = net.jqwik.api.Combinators.combine(field, flat.list().ofMaxSize(3))
                    .as((name, objects) -> "{\"" + name + "\":[" + String.join(",", objects) + "]}");
            return Arbitraries.oneOf(flat, nested);
        }
    }
}
