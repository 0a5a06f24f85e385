package org.chargingmanager.mqtt.internal;

/**
 * The load manager's house connection settings (configuration PID
 * {@code org.chargingmanager.core.loadmanager}), as far as the grid node shows them.
 *
 * @param currentAmpsExpression the limit per phase, a number or an expression; empty for none
 * @param powerWattsExpression the power limit, a number or an expression; empty for none
 * @param gridMeterId the grid meter; empty for every meter with the role GRID
 */
record HouseLimitSettings(String currentAmpsExpression, String powerWattsExpression, String gridMeterId) {

    /** The load manager's defaults when it has no configuration (LoadManagerConfig). */
    static final HouseLimitSettings DEFAULTS = new HouseLimitSettings("35", "", "");

    HouseLimitSettings {
        currentAmpsExpression = currentAmpsExpression == null ? "" : currentAmpsExpression.trim();
        powerWattsExpression = powerWattsExpression == null ? "" : powerWattsExpression.trim();
        gridMeterId = gridMeterId == null ? "" : gridMeterId.trim();
    }
}
