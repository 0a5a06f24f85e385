package org.chargingmanager.core.internal.tariff;

import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a tariff is configured, makes sure the variable {@code PRICE} exists, defined as
 * {@code tariff.price}, so that {@code get_cm_vars}, MQTT and formulas see the current import
 * price like any variable. A {@code PRICE} the user has defined (say
 * {@code tariff.price + 0.08}) is left as it is.
 */
@Component(immediate = true)
public class PriceVariable {

    public static final String NAME = "PRICE";
    public static final String DEFINITION = "tariff.price";

    private static final Logger LOG = LoggerFactory.getLogger(PriceVariable.class);

    private final Variables variables;

    @Activate
    public PriceVariable(@Reference Variables variables) {
        this.variables = variables;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTariff(Tariff tariff) {
        ensureDefined(variables);
    }

    void removeTariff(Tariff tariff) {
        // PRICE stays: without a tariff its value says "no tariff is configured"
    }

    /** @return whether it defined {@code PRICE} */
    static boolean ensureDefined(Variables variables) {
        if (variables.get(NAME).isPresent()) {
            return false;
        }
        try {
            variables.set(NAME, DEFINITION);
            LOG.info("Variable {} defined as {} (the current import price of the site's tariff)", NAME, DEFINITION);
            return true;
        } catch (InvalidExpressionException e) {
            LOG.warn("Could not define the variable {} as {}: {}", NAME, DEFINITION, e.getMessage());
            return false;
        }
    }
}
