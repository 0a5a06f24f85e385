package org.chargingmanager.meter.sunspec.internal;

import java.util.List;
import java.util.Optional;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;

/**
 * The SunSpec models the driver reads, as data: each point's offset from the model's ID register, its type, and the
 * scale-factor point it is scaled by (integer models; value = raw × 10^SF). Offsets per the SunSpec Information
 * Model (ID at 0, L at 1, the points from 2).
 */
enum SunSpecModel {

    /** Inverters 101 (one phase), 102 (split phase), 103 (three phases), integer with scale factors. */
    INVERTER_INT(Kind.INVERTER, List.of(101, 102, 103), List.of(
            p("A", 2, RegisterType.U16, "A_SF"), p("AphA", 3, RegisterType.U16, "A_SF"),
            p("AphB", 4, RegisterType.U16, "A_SF"), p("AphC", 5, RegisterType.U16, "A_SF"),
            p("A_SF", 6, RegisterType.S16, null),
            p("PhVphA", 10, RegisterType.U16, "V_SF"), p("PhVphB", 11, RegisterType.U16, "V_SF"),
            p("PhVphC", 12, RegisterType.U16, "V_SF"), p("V_SF", 13, RegisterType.S16, null),
            p("W", 14, RegisterType.S16, "W_SF"), p("W_SF", 15, RegisterType.S16, null),
            p("WH", 24, RegisterType.U32, "WH_SF"), p("WH_SF", 26, RegisterType.S16, null),
            p("St", 38, RegisterType.U16, null))),
    /** Inverters 111, 112, 113: the same as floats. */
    INVERTER_FLOAT(Kind.INVERTER, List.of(111, 112, 113), List.of(
            p("A", 2, RegisterType.F32, null), p("AphA", 4, RegisterType.F32, null),
            p("AphB", 6, RegisterType.F32, null), p("AphC", 8, RegisterType.F32, null),
            p("PhVphA", 16, RegisterType.F32, null), p("PhVphB", 18, RegisterType.F32, null),
            p("PhVphC", 20, RegisterType.F32, null), p("W", 22, RegisterType.F32, null),
            p("WH", 32, RegisterType.F32, null), p("St", 48, RegisterType.U16, null))),
    /** Meters 201 (one phase), 202 (split), 203 (wye), 204 (delta), integer with scale factors. */
    METER_INT(Kind.METER, List.of(201, 202, 203, 204), List.of(
            p("A", 2, RegisterType.S16, "A_SF"), p("AphA", 3, RegisterType.S16, "A_SF"),
            p("AphB", 4, RegisterType.S16, "A_SF"), p("AphC", 5, RegisterType.S16, "A_SF"),
            p("A_SF", 6, RegisterType.S16, null),
            p("PhVphA", 8, RegisterType.S16, "V_SF"), p("PhVphB", 9, RegisterType.S16, "V_SF"),
            p("PhVphC", 10, RegisterType.S16, "V_SF"), p("V_SF", 15, RegisterType.S16, null),
            p("W", 18, RegisterType.S16, "W_SF"), p("WphA", 19, RegisterType.S16, "W_SF"),
            p("WphB", 20, RegisterType.S16, "W_SF"), p("WphC", 21, RegisterType.S16, "W_SF"),
            p("W_SF", 22, RegisterType.S16, null),
            p("TotWhExp", 38, RegisterType.U32, "TotWh_SF"), p("TotWhImp", 46, RegisterType.U32, "TotWh_SF"),
            p("TotWh_SF", 54, RegisterType.S16, null)));

    enum Kind { INVERTER, METER }

    /** A point of a model. */
    record Point(String name, int offset, RegisterType type, String scaleFactor) {
    }

    private final Kind kind;
    private final List<Integer> ids;
    private final List<Point> points;

    SunSpecModel(Kind kind, List<Integer> ids, List<Point> points) {
        this.kind = kind;
        this.ids = ids;
        this.points = points;
    }

    private static Point p(String name, int offset, RegisterType type, String scaleFactor) {
        return new Point(name, offset, type, scaleFactor);
    }

    Kind kind() {
        return kind;
    }

    List<Point> points() {
        return points;
    }

    /** The model family of a model ID the driver reads. */
    static Optional<SunSpecModel> of(int id) {
        for (SunSpecModel model : values()) {
            if (model.ids.contains(id)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** The number of phases a model ID stands for. */
    static int phases(int id) {
        return switch (id % 10) {
            case 1 -> 1;
            case 2 -> 2;
            default -> 3;
        };
    }

    /** The registers of this model when its ID register is at {@code address}; names are the point names. */
    DeviceProtocol protocol(int id, int address) {
        List<Register> registers = points.stream().map(point -> {
            Register register = Register.holding(point.name(), address + point.offset(), point.type());
            // an accumulator reads 0 when not implemented; its all-ones value is a real (huge) count
            return point.type() == RegisterType.U32 ? register.withoutNotAvailableMarker() : register;
        }).toList();
        return DeviceProtocol.of("sunspec-" + id, registers).withMaxGap(60);
    }
}
