package org.chargingmanager.gridsignal.internal.input;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: grid signal contact input (§14a, ripple control)",
        description = "Potential-free contacts of a §14a control box or a ripple-control receiver, read from a Modbus "
                + "digital input or coil, pushed over HTTP (e.g. by a Shelly) or polled from a URL, and turned into a "
                + "variable that the house connection or the charging points' settings read.")
public @interface ContactInputConfig {

    @AttributeDefinition(name = "ID", description = "Unique name of this input, e.g. p14a or ripple; letters, digits, "
            + "- and _; in the restriction log and in the push URL /api/v1/grid/inputs/ID/CONTACT")
    String id();

    @AttributeDefinition(name = "Template", description = "§14a: one contact; active ⇒ each controllable charging "
            + "point is capped (variable in W). Ripple control: contacts for 0 / 30 / 60 %, none active ⇒ 100 %, the "
            + "lowest active level wins (variable in %). Custom: one contact with two values of your own",
            options = { @Option(label = "§14a control box", value = "P14A"),
                    @Option(label = "Ripple control (0 / 30 / 60 %)", value = "RIPPLE"),
                    @Option(label = "Custom", value = "CUSTOM") })
    String template() default "P14A";

    @AttributeDefinition(name = "Variable", required = false, description = "The variable this input sets; empty "
            + "for the template's: P14A or RIPPLE")
    String variable() default "";

    @AttributeDefinition(name = "Contacts are read from", options = {
            @Option(label = "Modbus discrete input or coil (through the Modbus bridge)", value = "MODBUS"),
            @Option(label = "HTTP: the device calls /api/v1/grid/inputs/ID/CONTACT?state=closed|open", value = "HTTP"),
            @Option(label = "A URL polled per contact (e.g. a Shelly's /rpc/Input.GetStatus?id=0)", value = "URL") })
    String source() default "MODBUS";

    @AttributeDefinition(name = "Restrict when the contact is", description = "Polarity: closed (normally open "
            + "contact, the usual wiring) or open (normally closed wiring: a broken wire restricts too)",
            options = { @Option(label = "closed", value = "CLOSED"), @Option(label = "open", value = "OPEN") })
    String activeWhen() default "CLOSED";

    @AttributeDefinition(name = "Debounce (ms)", description = "A contact's new state counts once it has held this long",
            min = "0", max = "10000")
    int debounceMillis() default 300;

    @AttributeDefinition(name = "Poll interval (ms)", min = "100", max = "60000")
    int pollMillis() default 250;

    @AttributeDefinition(name = "Modbus: host", required = false, description = "Host name or IP of the Modbus TCP "
            + "device or gateway")
    String host() default "";

    @AttributeDefinition(name = "Modbus: port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Modbus: unit ID", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Modbus: table", options = {
            @Option(label = "Discrete inputs (FC 02)", value = "DISCRETE_INPUTS"),
            @Option(label = "Coils (FC 01)", value = "COILS") })
    String table() default "DISCRETE_INPUTS";

    @AttributeDefinition(name = "Modbus: addresses", required = false, description = "0-based address per contact, "
            + "in the template's order (ripple control: the 0 %, 30 % and 60 % contact)")
    String[] addresses() default { "0" };

    @AttributeDefinition(name = "URL per contact", required = false, description = "In the template's order")
    String[] urls() default {};

    @AttributeDefinition(name = "URL: JSON field", description = "The field of a JSON answer that holds the state "
            + "(a Shelly Gen2 answers {\"id\":0,\"state\":true}); plain answers on/off, 1/0, true/false work too")
    String jsonField() default "state";

    @AttributeDefinition(name = "Timeout (ms)", min = "100", max = "30000")
    int timeoutMillis() default 1000;

    @AttributeDefinition(name = "§14a: power per controllable device (W)", min = "4200")
    double powerPerDeviceWatts() default 4200;

    @AttributeDefinition(name = "§14a: controllable devices behind this box", description = "With n > 1 devices the "
            + "cap per device is (P + (n - 1) × GZF × P) / n", min = "1")
    int devices() default 1;

    @AttributeDefinition(name = "§14a: simultaneity factor (GZF)", description = "The grid operator's factor for "
            + "n devices (e.g. 0.8 for 2, 0.45 for 9 or more)", min = "0", max = "1")
    double simultaneityFactor() default 0.8;

    @AttributeDefinition(name = "§14a: value while not curtailed (W)", description = "What the variable holds while "
            + "the box does not curtail: more than any charging point can draw")
    double unrestrictedWatts() default 100000;

    @AttributeDefinition(name = "Ripple control: level per contact (%)", required = false)
    String[] levels() default { "0", "30", "60" };

    @AttributeDefinition(name = "Custom: value when active")
    double valueWhenActive() default 0;

    @AttributeDefinition(name = "Custom: value when not active")
    double valueWhenInactive() default 100;

    @AttributeDefinition(name = "Custom: unit", required = false)
    String unit() default "%";

    @AttributeDefinition(name = "Failsafe: lost after (s)", description = "The input counts as lost when the device "
            + "has not answered (HTTP: not pushed) this long; 0: never lost", min = "0")
    int lostAfterSeconds() default 30;

    @AttributeDefinition(name = "Failsafe: limit", required = false, description = "The variable's value while the "
            + "input is lost; empty for the template's most restrictive value (§14a: the cap, ripple: 0 %)")
    String failsafeLimit() default "";

    @AttributeDefinition(name = "Failsafe: minimum time (s)", description = "The failsafe limit holds at least this "
            + "long, even if the device is back sooner", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
