package org.chargingmanager.core.internal.rules;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One charging rule from ConfigAdmin, offered to the load manager. */
@Component(name = "org.chargingmanager.core.rule", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ChargingRuleComponent.class)
@Designate(ocd = ChargingRuleConfig.class, factory = true)
public class ChargingRuleComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ChargingRuleComponent.class);

    private final ChargingRule rule;

    @Activate
    public ChargingRuleComponent(ChargingRuleConfig config) {
        try {
            this.rule = ChargingRule.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Charging rule '{}' is not used: {}", config.name(), e.getMessage());
            throw e;
        }
        LOG.info("Charging rule '{}': {} {} while {}", rule.name(), rule.action(), rule.value(),
                rule.condition().isEmpty() ? "its time window holds" : rule.condition());
    }

    public ChargingRule rule() {
        return rule;
    }
}
