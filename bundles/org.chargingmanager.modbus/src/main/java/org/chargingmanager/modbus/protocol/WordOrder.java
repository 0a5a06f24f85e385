package org.chargingmanager.modbus.protocol;

/**
 * The order of the 16-bit words of a 32- or 64-bit value. The bytes within a word are always high byte first,
 * as Modbus transmits them.
 */
public enum WordOrder {
    /** The most significant word at the lowest address ("big-endian", ABCD): the Modbus default. */
    HIGH_WORD_FIRST,
    /** The least significant word at the lowest address ("word-swapped", CDAB). */
    LOW_WORD_FIRST
}
