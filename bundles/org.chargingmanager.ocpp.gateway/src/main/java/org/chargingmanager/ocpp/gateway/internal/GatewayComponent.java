package org.chargingmanager.ocpp.gateway.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream connection per factory configuration {@value #PID}: the configured charging
 * points as one OCPP 1.6J charge point towards the backend, with a {@link ChargingCap} per
 * charging point for the load manager.
 */
@Component(configurationPid = GatewayComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = GatewayComponent.class, immediate = true)
@Designate(ocd = GatewayConfig.class, factory = true)
public class GatewayComponent {

    public static final String PID = "org.chargingmanager.ocpp.gateway";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayComponent.class);

    private final List<ServiceRegistration<ChargingCap>> caps = new ArrayList<>();
    private ServiceRegistration<ChargePointUplink> uplink;
    private Gateway gateway;

    @Activate
    public GatewayComponent(@Reference DataDirectory dataDirectory, @Reference EvseDirectory evses,
            GatewayConfig config, BundleContext context,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
            org.chargingmanager.api.grid.ClsProxy cls) throws Exception {
        GatewaySettings settings;
        try {
            settings = GatewaySettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("OCPP gateway configuration refused: {}", e.getMessage());
            throw e;
        }
        // OCPP through the SMGW: while the SMGW link offers its CLS channel, the upstream connection goes through it
        gateway = new Gateway(settings, dataDirectory.subdirectory("ocpp-gateway"), id -> evses.find(id).orElse(null), Clock.systemUTC(),
                1000, cls == null ? null : cls.address());
        for (ChargingCap cap : gateway.caps()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Evse.ID_PROPERTY, cap.evseId());
            caps.add(context.registerService(ChargingCap.class, cap, properties));
        }
        gateway.uplink().ifPresent(passThrough -> {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(ChargePointUplink.CHARGE_BOX_ID, settings.passThroughChargeBoxId());
            uplink = context.registerService(ChargePointUplink.class, passThrough, properties);
        });
        LOG.info("chargeBox={} OCPP gateway started towards {} for {}{}", settings.chargeBoxId(), settings.connectUri(),
                settings.passThrough() ? "the OCPP wallbox " + settings.passThroughChargeBoxId() + " (pass-through)"
                        : settings.evseIds(), cls == null ? "" : " through the SMGW's CLS channel");
    }

    UpstreamStatus status() {
        return gateway.status();
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<ChargingCap> registration : caps) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        caps.clear();
        if (uplink != null) {
            try {
                uplink.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            uplink = null;
        }
        gateway.close();
    }
}
