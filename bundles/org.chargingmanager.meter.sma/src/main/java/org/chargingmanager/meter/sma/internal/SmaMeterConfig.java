package org.chargingmanager.meter.sma.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: SMA Energy Meter / Sunny Home Manager 2.0",
        description = "Receives the Speedwire multicast telegrams an SMA Energy Meter or Sunny Home Manager 2.0 sends "
                + "about once a second (UDP 9522, group 239.12.255.254). Receive only: nothing is sent to the meter.")
public @interface SmaMeterConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter, e.g. grid")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "SMA Energy Meter";

    @AttributeDefinition(name = "Role", description = "What the meter measures; at the grid connection import is "
            + "positive")
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "Serial number", description = "The meter's serial number (on its label, e.g. "
            + "1900123456); 0 takes the first meter heard and logs its serial number")
    long serialNumber() default 0;

    @AttributeDefinition(name = "Multicast group", description = "239.12.255.254 for SMA meters. A unicast address "
            + "instead receives telegrams sent to that address of this machine (a relayed stream, or tests)")
    String multicastGroup() default "239.12.255.254";

    @AttributeDefinition(name = "Port", description = "UDP port of the telegrams", min = "1", max = "65535")
    int port() default 9522;

    @AttributeDefinition(name = "Network interface", description = "Name (eth0) or an IP address of the interface "
            + "the meter's network is on; empty for the system's default multicast interface")
    String networkInterface() default "";
}
