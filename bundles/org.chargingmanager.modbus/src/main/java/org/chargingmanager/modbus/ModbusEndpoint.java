package org.chargingmanager.modbus;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a Modbus line is: a TCP host and port, a serial port, or a serial line behind a transparent
 * serial-to-Ethernet converter. Two equal endpoints are one line, shared by every device on it.
 */
public sealed interface ModbusEndpoint permits ModbusEndpoint.Tcp, ModbusEndpoint.Serial, ModbusEndpoint.SerialBridge {

    /** Modbus TCP (MBAP framing) to {@code host:port}; the host is compared as written (lower case). */
    record Tcp(String host, int port) implements ModbusEndpoint {
        public Tcp {
            Objects.requireNonNull(host, "host");
            host = host.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("empty host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String toString() {
            return "tcp://" + host + ":" + port;
        }
    }

    /** Parity of a serial line. */
    enum Parity { NONE, ODD, EVEN }

    /** Framing on a serial line: RTU (binary, CRC) or ASCII (LRC). */
    enum SerialFraming { RTU, ASCII }

    /**
     * A serial line (RS-485 / RS-232), for example {@code /dev/ttyUSB0} at 9600 baud, 8 data bits, no parity,
     * 1 stop bit, RTU. The line is identified by its port name alone: two different settings for the same port
     * are refused when the second is opened.
     */
    record Serial(String portName, int baudRate, int dataBits, Parity parity, int stopBits, SerialFraming framing)
            implements ModbusEndpoint {
        public Serial {
            Objects.requireNonNull(portName, "portName");
            Objects.requireNonNull(parity, "parity");
            Objects.requireNonNull(framing, "framing");
            if (portName.isBlank()) {
                throw new IllegalArgumentException("empty serial port name");
            }
            if (baudRate <= 0) {
                throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
            }
            if (dataBits < 7 || dataBits > 8) {
                throw new IllegalArgumentException("data bits must be 7 or 8: " + dataBits);
            }
            if (stopBits < 1 || stopBits > 2) {
                throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
            }
        }

        /** The usual RTU setting: 8 data bits, no parity, 1 stop bit. */
        public static Serial rtu(String portName, int baudRate) {
            return new Serial(portName, baudRate, 8, Parity.NONE, 1, SerialFraming.RTU);
        }

        @Override
        public String toString() {
            return "serial://" + portName + "?" + baudRate + "," + dataBits + parity.name().charAt(0) + stopBits
                    + "," + framing.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A serial line (RS-485) reached through a transparent serial-to-Ethernet converter (an "RS485 to LAN"
     * adapter in TCP server mode, e.g. USR-TCP232, Waveshare RS485 TO ETH, Elfin EW11): the converter passes the
     * bytes of the serial frames unchanged through one TCP connection, so the frames are RTU (binary, CRC) or
     * ASCII (LRC) exactly as on the wire, without the MBAP header of Modbus TCP. Baud rate and parity are set
     * in the converter. The line is identified by host and port: two framings for one converter are refused.
     */
    record SerialBridge(String host, int port, SerialFraming framing) implements ModbusEndpoint {
        public SerialBridge {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(framing, "framing");
            host = host.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("empty host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String toString() {
            return "bridge://" + host + ":" + port + "?" + framing.name().toLowerCase(Locale.ROOT);
        }
    }

    static Tcp tcp(String host, int port) {
        return new Tcp(host, port);
    }
}
