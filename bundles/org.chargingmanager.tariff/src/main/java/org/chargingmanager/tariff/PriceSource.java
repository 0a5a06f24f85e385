package org.chargingmanager.tariff;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.osgi.annotation.versioning.ConsumerType;

/** Where a tariff's prices come from: one provider's request and answer format. */
@ConsumerType
public interface PriceSource {

    /** Names the source in messages, such as {@code api.awattar.de}; never a secret. */
    String name();

    /**
     * Asks the source for the prices around {@code now}.
     *
     * @return the answer as it came, to be parsed and kept in the cache
     * @throws IOException when the source cannot be reached or answers with an error; the message
     *         says why in words
     */
    String fetch(Instant now) throws IOException, InterruptedException;

    /**
     * Reads an answer into price slots per kWh: pure.
     *
     * @throws IllegalArgumentException naming what is wrong with the answer
     */
    List<PriceSlot> parse(String answer);
}
