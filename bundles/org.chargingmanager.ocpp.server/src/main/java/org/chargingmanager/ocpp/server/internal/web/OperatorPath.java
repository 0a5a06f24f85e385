package org.chargingmanager.ocpp.server.internal.web;

/**
 * The parts of a path below {@code /api/v1/ocpp/chargepoints}: {@code /{id}},
 * {@code /{id}/{operation}} or {@code /{id}/calls/{action}}. The servlet container has already
 * decoded percent escapes, so the charge box ID is as the charger sent it.
 *
 * @param chargeBoxId null for the list
 * @param operation null for the charge point itself
 * @param action the OCPP action of a {@code calls} operation, else null
 */
record OperatorPath(String chargeBoxId, String operation, String action) {

    /** @return null when the path has a shape the API does not know */
    static OperatorPath parse(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/") || pathInfo.isEmpty()) {
            return new OperatorPath(null, null, null);
        }
        String[] parts = pathInfo.substring(1).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return null;
            }
        }
        return switch (parts.length) {
            case 1 -> new OperatorPath(parts[0], null, null);
            case 2 -> parts[1].equals("calls") ? null : new OperatorPath(parts[0], parts[1], null);
            case 3 -> parts[1].equals("calls") ? new OperatorPath(parts[0], parts[1], parts[2]) : null;
            default -> null;
        };
    }
}
