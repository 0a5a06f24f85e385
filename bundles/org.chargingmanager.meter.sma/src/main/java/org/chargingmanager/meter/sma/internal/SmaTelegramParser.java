package org.chargingmanager.meter.sma.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a Speedwire datagram: {@code "SMA\0"}, tags (4-byte length and tag, then data) up to the data tag 0x0010
 * holding protocol 0x6069 (energy meter), SUSy ID, serial, tick, then OBIS records {@code b c d e} with a 4-byte
 * value ({@code d} = 4) or 8-byte counter ({@code d} = 8); the software version record ({@code b} = 0x90) has 4 bytes.
 * Pure.
 */
final class SmaTelegramParser {

    static final int ENERGY_METER_PROTOCOL = 0x6069;

    /** Not an energy meter telegram (another Speedwire device, not SMA at all): ignored, not an error. */
    static final class NotAMeterTelegram extends Exception {
        private static final long serialVersionUID = 1L;

        NotAMeterTelegram(String message) {
            super(message);
        }
    }

    /** An energy meter telegram that cannot be read. */
    static final class BadTelegram extends Exception {
        private static final long serialVersionUID = 1L;

        BadTelegram(String message) {
            super(message);
        }
    }

    private SmaTelegramParser() {
    }

    static SmaTelegram parse(byte[] bytes, int length) throws NotAMeterTelegram, BadTelegram {
        if (length < 4 || bytes[0] != 'S' || bytes[1] != 'M' || bytes[2] != 'A' || bytes[3] != 0) {
            throw new NotAMeterTelegram("not Speedwire");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        buffer.position(4);
        while (buffer.remaining() >= 4) {
            int tagLength = buffer.getShort() & 0xFFFF;
            int tag = buffer.getShort() & 0xFFFF;
            if (tagLength == 0 && tag == 0) {
                break;
            }
            if (tagLength > buffer.remaining()) {
                throw new BadTelegram("tag 0x" + Integer.toHexString(tag) + " longer than the datagram");
            }
            if (tag != 0x0010) {
                buffer.position(buffer.position() + tagLength);
                continue;
            }
            if (tagLength < 2) {
                throw new NotAMeterTelegram("empty data");
            }
            int dataEnd = buffer.position() + tagLength;
            int protocol = buffer.getShort() & 0xFFFF;
            if (protocol != ENERGY_METER_PROTOCOL) {
                throw new NotAMeterTelegram("protocol 0x" + Integer.toHexString(protocol));
            }
            if (tagLength < 12) {
                throw new BadTelegram("energy meter data of " + tagLength + " bytes");
            }
            int susyId = buffer.getShort() & 0xFFFF;
            long serial = buffer.getInt() & 0xFFFFFFFFL;
            long tick = buffer.getInt() & 0xFFFFFFFFL;
            return new SmaTelegram(susyId, serial, tick, records(buffer, dataEnd));
        }
        throw new NotAMeterTelegram("no data tag");
    }

    private static Map<Integer, Long> records(ByteBuffer buffer, int end) throws BadTelegram {
        Map<Integer, Long> values = new HashMap<>();
        while (buffer.position() + 4 <= end) {
            int b = buffer.get() & 0xFF;
            int channel = buffer.get() & 0xFF;
            int type = buffer.get() & 0xFF;
            buffer.get();
            int size = b == 0x90 ? 4 : type;
            if (size != 4 && size != 8) {
                throw new BadTelegram("OBIS record " + b + ":" + channel + "." + type + " of unknown size");
            }
            if (buffer.position() + size > end) {
                throw new BadTelegram("OBIS record " + channel + "." + type + " cut off");
            }
            long value = size == 4 ? buffer.getInt() & 0xFFFFFFFFL : buffer.getLong();
            if (b == 0) {
                values.put(SmaTelegram.key(channel, type), value);
            }
        }
        return values;
    }
}
