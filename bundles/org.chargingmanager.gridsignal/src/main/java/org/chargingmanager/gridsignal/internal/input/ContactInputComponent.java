package org.chargingmanager.gridsignal.internal.input;

import java.net.http.HttpClient;
import java.time.Clock;

import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLines;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One contact input per configuration (factory PID {@code org.chargingmanager.gridsignal.input}). A configuration
 * that cannot be used is logged once with the setting at fault and registers no source.
 */
@Component(configurationPid = ContactInputComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ContactInputConfig.class, factory = true)
public class ContactInputComponent {

    public static final String PID = "org.chargingmanager.gridsignal.input";
    private static final Logger LOG = LoggerFactory.getLogger(ContactInputComponent.class);

    private final PushedContacts pushed;
    private ContactInput input;
    private ServiceRegistration<GridSignalSource> registration;
    private String pushedId;

    @Activate
    public ContactInputComponent(@Reference GridSignals signals, @Reference ModbusLines lines,
            @Reference PushedContacts pushed, BundleContext context, ContactInputConfig config) {
        this.pushed = pushed;
        ContactInputSettings settings;
        try {
            settings = ContactInputSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.warn("Grid signal input '{}' is not used: {}", config.id(), e.getMessage());
            return;
        }
        ContactReader reader;
        switch (settings.source()) {
        case "MODBUS":
            reader = new ModbusContactReader(lines.open(new ModbusEndpoint.Tcp(settings.host(), settings.port())),
                    settings.unitId(), settings.table(), settings.addresses(), settings.timeout());
            break;
        case "URL":
            reader = new UrlContactReader(HttpClient.newBuilder().connectTimeout(settings.timeout()).build(),
                    settings.urls(), settings.jsonField(), settings.timeout());
            break;
        default:
            pushed.register(settings.id(), settings.contacts());
            pushedId = settings.id();
            reader = pushed.reader(settings.id(), settings.contacts());
        }
        input = new ContactInput(settings, reader, signals, Clock.systemUTC());
        input.start();
        registration = context.registerService(GridSignalSource.class, input, null);
        LOG.info("Grid signal input '{}': {} from {}, {} contact(s), restricts when {}, sets {} ({})", settings.id(),
                settings.template().kind(), settings.source(), settings.contacts(),
                settings.activeWhenClosed() ? "closed" : "open", settings.variable(), settings.mapping().unit());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (input != null) {
            input.close();
        }
        if (pushedId != null) {
            pushed.unregister(pushedId);
        }
    }
}
