package org.chargingmanager.api.tariff;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of electricity prices: a fixed price, a time-of-use schedule or a dynamic day-ahead
 * market price. Providers register one service per configured tariff with the service property
 * {@link #ID_PROPERTY}. When several are registered, the site uses the one with the highest
 * {@code service.ranking}.
 */
@ConsumerType
public interface Tariff {

    /** Service property holding {@link #id()}. */
    String ID_PROPERTY = "chargingmanager.tariff.id";

    /** A short stable name, such as {@code awattar} or {@code night-rate}. */
    String id();

    /** The known prices from the current slot on; never blocks, never {@code null}. */
    PriceForecast forecast();
}
