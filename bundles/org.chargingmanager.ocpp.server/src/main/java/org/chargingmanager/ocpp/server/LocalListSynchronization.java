package org.chargingmanager.ocpp.server;

/**
 * The outcome of sending the user directory to a charge point as its local authorization list.
 *
 * @param listVersion the list version the charge point holds now
 * @param entries how many RFID tags and PINs the list holds
 * @param messages how many SendLocalList CALLs it took (the charger limits the size of one)
 * @param skippedTokens tokens left out because OCPP 1.6 allows at most 20 characters
 */
public record LocalListSynchronization(int listVersion, int entries, int messages, int skippedTokens) {
}
