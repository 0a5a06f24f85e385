package org.chargingmanager.wallbox.alfen.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: Alfen Eve wallbox",
        description = "A socket of an Alfen Eve (NG9xx: Single Pro-line, Double Pro-line, Single S-line) over Modbus "
                + "TCP. Needs the Active Load Balancing licence and, in ACE Service Installer, Load Balancing > Data "
                + "source \"Energy Management System\" and Modbus TCP slave enabled. One configuration per socket.")
public @interface AlfenWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, e.g. alfen-parking-1")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Alfen Eve";

    @AttributeDefinition(name = "Host", description = "IP address or host name of the wallbox")
    String host();

    @AttributeDefinition(name = "Port", description = "Modbus TCP port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Socket (unit ID)", description = "1, or 2 for the second socket of an Eve Double",
            options = { @Option(label = "Socket 1", value = "1"), @Option(label = "Socket 2", value = "2") })
    int unitId() default 1;

    @AttributeDefinition(name = "Phases", description = "How many phases the socket is wired with",
            options = { @Option(label = "1 phase", value = "1"), @Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase switching", description = "Let the load manager switch between 1 and 3 "
            + "phases (the box must allow it: 3-phase socket, firmware 4.x, set up in ACE Service Installer)")
    boolean phaseSwitching() default false;

    @AttributeDefinition(name = "Phase rotation", description = "Which grid phase the socket's phase 1 is on")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "The largest current per phase the socket is "
            + "installed for", min = "6", max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Validity time (s)", description = "The box's \"validity time\" of the max current "
            + "(ACE Service Installer; 60 s by default): the driver writes the current again well before it runs out",
            min = "10", max = "3600")
    int validityTimeSeconds() default 60;

    @AttributeDefinition(name = "Poll interval (ms)", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
