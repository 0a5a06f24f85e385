package org.chargingmanager.tariff.generic.internal;

/** The unit a source gives its prices in, each in the tariff's currency. */
enum PriceUnit {
    /** Per kWh, e.g. 0.2456 EUR/kWh. */
    PER_KILOWATT_HOUR(1),
    /** Hundredths of the currency per kWh, e.g. 24.56 ct/kWh. */
    CENTS_PER_KILOWATT_HOUR(100),
    /** Per MWh, as the exchanges publish, e.g. 245.6 EUR/MWh. */
    PER_MEGAWATT_HOUR(1000);

    private final double divisorToPerKilowattHour;

    PriceUnit(double divisorToPerKilowattHour) {
        this.divisorToPerKilowattHour = divisorToPerKilowattHour;
    }

    double pricePerKilowattHour(double price) {
        return price / divisorToPerKilowattHour; // a division rounds 80.9 / 1000 to 0.0809, a product does not
    }
}
