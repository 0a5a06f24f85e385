package org.chargingmanager.openhab.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: openHAB items over REST",
        description = "Pushes the value of every variable to an openHAB item with openHAB's REST API "
                + "(PUT /rest/items/<item>/state). For openHAB installations without an MQTT broker.")
public @interface OpenHabRestConfig {

    @AttributeDefinition(name = "openHAB URL",
            description = "Base URL of openHAB, without /rest (for example http://openhab.local:8080)")
    String baseUrl() default "http://localhost:8080";

    /** Property {@code .apiToken}: private (leading dot), never shown in service properties or logs. */
    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD,
            description = "An API token created in openHAB (your profile page, 'Create new API token'). "
                    + "Empty: no Authorization header (only if openHAB allows anonymous access)")
    String _apiToken() default "";

    @AttributeDefinition(name = "Items",
            description = "Variable to item, one entry each: NAME=Item, for example TARIF=CM_Tarif. "
                    + "Entries may also be separated by commas. Variable names are case-insensitive")
    String[] items() default {};

    @AttributeDefinition(name = "Item prefix",
            description = "Every variable not listed under Items goes to the item <prefix><NAME> (NAME in upper case), "
                    + "for example ChargingManager_AVAIL. Empty: only the variables listed under Items are sent")
    String itemPrefix() default "ChargingManager_";

    @AttributeDefinition(name = "Minimum interval per item (ms)",
            description = "At most one update of the same item within this time; a value that changes faster "
                    + "is sent as its latest value when the interval is over")
    long minIntervalMillis() default 1000;

    @AttributeDefinition(name = "Poll interval (ms)",
            description = "How often the values are read again (formulas change when meters change); "
                    + "a value is sent only when it changed. Changes of variables are sent at once")
    long pollMillis() default 1000;

    @AttributeDefinition(name = "Send NaN as UNDEF",
            description = "A value that cannot be computed now (a meter offline) is sent as UNDEF; "
                    + "off: the item keeps its last value")
    boolean nanAsUndef() default true;

    @AttributeDefinition(name = "Check interval (ms)",
            description = "How often one item's state is read back from openHAB; NULL there means openHAB "
                    + "restarted without persistence, and every value is sent again. 0: never")
    long checkMillis() default 60000;

    @AttributeDefinition(name = "Longest retry interval (ms)",
            description = "After a failure (openHAB unreachable, token refused) the next attempt waits 1 s, "
                    + "then twice as long each time, up to this; a missing item is tried again after this")
    long retryMaxMillis() default 60000;

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and answer timeout of one request")
    long timeoutMillis() default 5000;
}
