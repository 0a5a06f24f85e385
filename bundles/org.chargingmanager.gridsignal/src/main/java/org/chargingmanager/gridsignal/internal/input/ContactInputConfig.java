package org.chargingmanager.gridsignal.internal.input;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/contactinput", name = "%name", description = "%description")
public @interface ContactInputConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%template.name", description = "%template.description",
            options = { @Option(label = "%template.option.P14A", value = "P14A"),
                    @Option(label = "%template.option.RIPPLE", value = "RIPPLE"),
                    @Option(label = "%template.option.CUSTOM", value = "CUSTOM") })
    String template() default "P14A";

    @AttributeDefinition(name = "%variable.name", required = false, description = "%variable.description")
    String variable() default "";

    @AttributeDefinition(name = "%source.name", options = {
            @Option(label = "%source.option.MODBUS", value = "MODBUS"),
            @Option(label = "%source.option.HTTP", value = "HTTP"),
            @Option(label = "%source.option.URL", value = "URL") })
    String source() default "MODBUS";

    @AttributeDefinition(name = "%activeWhen.name", description = "%activeWhen.description",
            options = { @Option(label = "%activeWhen.option.CLOSED", value = "CLOSED"), @Option(label = "%activeWhen.option.OPEN", value = "OPEN") })
    String activeWhen() default "CLOSED";

    @AttributeDefinition(name = "%debounceMillis.name", description = "%debounceMillis.description", min = "0", max = "10000")
    int debounceMillis() default 300;

    @AttributeDefinition(name = "%pollMillis.name", min = "100", max = "60000")
    int pollMillis() default 250;

    @AttributeDefinition(name = "%host.name", required = false, description = "%host.description")
    String host() default "";

    @AttributeDefinition(name = "%port.name", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "%unitId.name", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "%table.name", options = {
            @Option(label = "%table.option.DISCRETE_INPUTS", value = "DISCRETE_INPUTS"),
            @Option(label = "%table.option.COILS", value = "COILS") })
    String table() default "DISCRETE_INPUTS";

    @AttributeDefinition(name = "%addresses.name", required = false, description = "%addresses.description")
    String[] addresses() default { "0" };

    @AttributeDefinition(name = "%urls.name", required = false, description = "%urls.description")
    String[] urls() default {};

    @AttributeDefinition(name = "%jsonField.name", description = "%jsonField.description")
    String jsonField() default "state";

    @AttributeDefinition(name = "%timeoutMillis.name", min = "100", max = "30000")
    int timeoutMillis() default 1000;

    @AttributeDefinition(name = "%powerPerDeviceWatts.name", min = "4200")
    double powerPerDeviceWatts() default 4200;

    @AttributeDefinition(name = "%devices.name", description = "%devices.description", min = "1")
    int devices() default 1;

    @AttributeDefinition(name = "%simultaneityFactor.name", description = "%simultaneityFactor.description", min = "0", max = "1")
    double simultaneityFactor() default 0.8;

    @AttributeDefinition(name = "%unrestrictedWatts.name", description = "%unrestrictedWatts.description")
    double unrestrictedWatts() default 100000;

    @AttributeDefinition(name = "%levels.name", required = false)
    String[] levels() default { "0", "30", "60" };

    @AttributeDefinition(name = "%valueWhenActive.name")
    double valueWhenActive() default 0;

    @AttributeDefinition(name = "%valueWhenInactive.name")
    double valueWhenInactive() default 100;

    @AttributeDefinition(name = "%unit.name", required = false)
    String unit() default "%";

    @AttributeDefinition(name = "%lostAfterSeconds.name", description = "%lostAfterSeconds.description", min = "0")
    int lostAfterSeconds() default 30;

    @AttributeDefinition(name = "%failsafeLimit.name", required = false, description = "%failsafeLimit.description")
    String failsafeLimit() default "";

    @AttributeDefinition(name = "%failsafeMinimumSeconds.name", description = "%failsafeMinimumSeconds.description", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
