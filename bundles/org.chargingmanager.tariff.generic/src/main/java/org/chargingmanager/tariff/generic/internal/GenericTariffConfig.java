package org.chargingmanager.tariff.generic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/generictariff", name = "%name", description = "%description")
public @interface GenericTariffConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "generic";

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%format.name", options = { @Option(label = "%format.option.JSON", value = "JSON"),
            @Option(label = "%format.option.CSV", value = "CSV") })
    String format() default "JSON";

    @AttributeDefinition(name = "%slotsPath.name", description = "%slotsPath.description")
    String slotsPath() default "$.data[*]";

    @AttributeDefinition(name = "%startField.name", description = "%startField.description")
    String startField() default "start";

    @AttributeDefinition(name = "%endField.name", description = "%endField.description", required = false)
    String endField() default "end";

    @AttributeDefinition(name = "%priceField.name", description = "%priceField.description")
    String priceField() default "price";

    @AttributeDefinition(name = "%priceUnit.name", options = {
            @Option(label = "%priceUnit.option.PER_KILOWATT_HOUR", value = "PER_KILOWATT_HOUR"),
            @Option(label = "%priceUnit.option.CENTS_PER_KILOWATT_HOUR", value = "CENTS_PER_KILOWATT_HOUR"),
            @Option(label = "%priceUnit.option.PER_MEGAWATT_HOUR", value = "PER_MEGAWATT_HOUR") })
    String priceUnit() default "PER_KILOWATT_HOUR";

    @AttributeDefinition(name = "%currency.name", description = "%currency.description")
    String currency() default "EUR";

    @AttributeDefinition(name = "%timeFormat.name", options = {
            @Option(label = "%timeFormat.option.ISO_OFFSET", value = "ISO_OFFSET"),
            @Option(label = "%timeFormat.option.EPOCH_SECONDS", value = "EPOCH_SECONDS"),
            @Option(label = "%timeFormat.option.EPOCH_MILLISECONDS", value = "EPOCH_MILLISECONDS"),
            @Option(label = "%timeFormat.option.LOCAL", value = "LOCAL") })
    String timeFormat() default "ISO_OFFSET";

    @AttributeDefinition(name = "%timeZone.name", description = "%timeZone.description", required = false)
    String timeZone() default "";

    @AttributeDefinition(name = "%slotMinutes.name", description = "%slotMinutes.description", min = "1", max = "1440")
    int slotMinutes() default 60;

    @AttributeDefinition(name = "%csvSeparator.name", description = "%csvSeparator.description")
    String csvSeparator() default ",";

    @AttributeDefinition(name = "%csvHeader.name", description = "%csvHeader.description")
    boolean csvHeader() default true;

    @AttributeDefinition(name = "%headerName.name", description = "%headerName.description", required = false)
    String headerName() default "";

    /** Property {@code .headerValue}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "%_headerValue.name", type = AttributeType.PASSWORD, required = false, description = "%_headerValue.description")
    String _headerValue() default "";

    @AttributeDefinition(name = "%refreshMinutes.name", description = "%refreshMinutes.description", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "%ranking.name", description = "%ranking.description")
    int ranking() default 0;
}
