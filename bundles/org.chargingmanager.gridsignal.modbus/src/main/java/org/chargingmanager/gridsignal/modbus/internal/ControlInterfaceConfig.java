package org.chargingmanager.gridsignal.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: Modbus control interface for the grid operator",
        description = "A Modbus TCP server for a control box that speaks Modbus: it reads the charging and grid power "
                + "and sets a limit in percent (register map in docs/grid-signals.md). Off while the port is 0.")
public @interface ControlInterfaceConfig {

    @AttributeDefinition(name = "Port", description = "Modbus TCP port, usually 502; 0: off", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "Listen address", description = "The local address to listen on; 0.0.0.0 for all")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Unit ID", description = "The unit ID the box addresses (255 is also answered)",
            min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "Allowed clients", required = false, description = "IP addresses (or host names) "
            + "that may connect; empty for every client on the network")
    String[] allowedClients() default {};

    @AttributeDefinition(name = "Variable", description = "The variable that holds the box's limit in %; put it into "
            + "the house connection power, e.g. 55000 * min(AVAIL, MODBUS_LIMIT) / 100")
    String variable() default "MODBUS_LIMIT";

    @AttributeDefinition(name = "Charging power (expression)", description = "What register ChaW shows, W")
    String chargingPowerExpression() default "evses.power";

    @AttributeDefinition(name = "Grid power (expression)", description = "What register GridW shows, W")
    String gridPowerExpression() default "grid.power";

    @AttributeDefinition(name = "Failsafe: lost after (s)", description = "The box counts as lost when it has not "
            + "written (a limit or the heartbeat register) this long; 0: never lost (a box that writes only on "
            + "change)", min = "0")
    int lostAfterSeconds() default 0;

    @AttributeDefinition(name = "Failsafe: limit (%)", min = "0", max = "100")
    double failsafeLimitPercent() default 60;

    @AttributeDefinition(name = "Failsafe: minimum time (s)", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
