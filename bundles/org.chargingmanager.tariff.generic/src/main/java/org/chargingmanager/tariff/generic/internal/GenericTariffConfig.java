package org.chargingmanager.tariff.generic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: prices from a JSON or CSV URL",
        description = "Prices from any URL that answers JSON or CSV (a supplier, a home server, a spreadsheet export), "
                + "for the variable PRICE and tariff.price / tariff.rank_N. A path expression picks the slots and "
                + "their start, end and price.")
public @interface GenericTariffConfig {

    @AttributeDefinition(name = "ID", description = "A short name for this tariff")
    String id() default "generic";

    @AttributeDefinition(name = "URL", description = "http(s) URL that answers the prices")
    String url();

    @AttributeDefinition(name = "Format", options = { @Option(label = "JSON", value = "JSON"),
            @Option(label = "CSV", value = "CSV") })
    String format() default "JSON";

    @AttributeDefinition(name = "Slots (JSON path)", description = "JSON only: where the slots are, e.g. $.data[*], "
            + "$.prices.today[*] or $ for an answer that is an array. Supported: $, .name, ['name'], [n], [*]")
    String slotsPath() default "$.data[*]";

    @AttributeDefinition(name = "Start", description = "The start of a slot: JSON: a path within the slot (start, "
            + "time.from, [0]); CSV: a column name or index (0 is the first)")
    String startField() default "start";

    @AttributeDefinition(name = "End", description = "The end of a slot, like Start; empty if the answer has none "
            + "(a slot then ends where the next begins, at most the slot length after its start)", required = false)
    String endField() default "end";

    @AttributeDefinition(name = "Price", description = "The price of a slot, like Start")
    String priceField() default "price";

    @AttributeDefinition(name = "Price unit", options = {
            @Option(label = "per kWh (EUR/kWh)", value = "PER_KILOWATT_HOUR"),
            @Option(label = "cents per kWh (ct/kWh)", value = "CENTS_PER_KILOWATT_HOUR"),
            @Option(label = "per MWh (EUR/MWh)", value = "PER_MEGAWATT_HOUR") })
    String priceUnit() default "PER_KILOWATT_HOUR";

    @AttributeDefinition(name = "Currency", description = "ISO 4217 code of the prices")
    String currency() default "EUR";

    @AttributeDefinition(name = "Time format", options = {
            @Option(label = "ISO 8601 with offset (2026-03-29T03:00:00+02:00)", value = "ISO_OFFSET"),
            @Option(label = "seconds since 1970", value = "EPOCH_SECONDS"),
            @Option(label = "milliseconds since 1970", value = "EPOCH_MILLISECONDS"),
            @Option(label = "local time in the time zone below (2026-03-29 03:00)", value = "LOCAL") })
    String timeFormat() default "ISO_OFFSET";

    @AttributeDefinition(name = "Time zone", description = "For local times, e.g. Europe/Berlin; empty for the "
            + "system's", required = false)
    String timeZone() default "";

    @AttributeDefinition(name = "Slot length (minutes)", description = "For answers without an end", min = "1",
            max = "1440")
    int slotMinutes() default 60;

    @AttributeDefinition(name = "CSV separator", description = "CSV only: one character; a price with a decimal "
            + "comma is understood when the separator is not a comma")
    String csvSeparator() default ",";

    @AttributeDefinition(name = "CSV header", description = "CSV only: the first line names the columns")
    boolean csvHeader() default true;

    @AttributeDefinition(name = "Header name", description = "An HTTP header for an API key, e.g. Authorization or "
            + "X-Api-Key; empty for none", required = false)
    String headerName() default "";

    /** Property {@code .headerValue}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "Header value", type = AttributeType.PASSWORD, required = false,
            description = "The header's value, e.g. Bearer <key>; never shown or logged")
    String _headerValue() default "";

    @AttributeDefinition(name = "Refresh (minutes)", description = "How often prices are fetched", min = "15",
            max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "Ranking", description = "When several tariffs are configured, the site uses the one "
            + "with the highest ranking")
    int ranking() default 0;
}
