package org.chargingmanager.api.evse;

import java.io.IOException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The charging mode of each charging point, provided by the core bundle. A change is stored in
 * the charging point's settings (configuration {@code org.chargingmanager.core.evse}), so it
 * survives a restart and shows in the Web Console; the load manager follows it at once.
 *
 * @since 1.1
 */
@ProviderType
public interface ChargingModes {

    /** The mode of every charging point that has settings; the others charge {@link ChargingMode#FAST}. */
    Map<String, ChargingMode> modes();

    /** The mode of one charging point: {@link ChargingMode#FAST} without settings. */
    ChargingMode mode(String evseId);

    /**
     * Sets the mode of one charging point, creating its settings if it has none.
     *
     * @param user who changes it, for the log
     * @throws IllegalArgumentException if the ID is empty
     * @throws IOException if the settings cannot be stored
     */
    void setMode(String evseId, ChargingMode mode, String user) throws IOException;
}
