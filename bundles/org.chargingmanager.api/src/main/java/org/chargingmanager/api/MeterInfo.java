package org.chargingmanager.api;

/**
 * @param id unique and stable, for example {@code grid}
 * @param name shown to users
 * @param driver which driver serves it
 * @param role what the meter measures
 */
public record MeterInfo(String id, String name, String driver, MeterRole role) {

    public MeterInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a meter needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        if (role == null) {
            throw new IllegalArgumentException("a meter needs a role");
        }
    }
}
