package org.chargingmanager.modbus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The life of a polled device against recording stand-ins for the framework and the lines. */
class PolledDeviceTest {

    final List<String> events = new CopyOnWriteArrayList<>();

    /** A device that counts its polls and keeps the urgent executor it was given. */
    static final class Device {
        final AtomicInteger polls = new AtomicInteger();
        final CountDownLatch polled = new CountDownLatch(3);
        final Executor urgent;
        volatile String urgentThread;

        Device(Executor urgent) {
            this.urgent = urgent;
        }

        void poll() {
            polls.incrementAndGet();
            polled.countDown();
            if (polls.get() == 1) {
                throw new IllegalStateException("a bug in one poll");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T stub(Class<T> type, String name) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "registerService":
                    events.add("register " + ((Dictionary<String, ?>) args[2]).get("id"));
                    return stub(ServiceRegistration.class, "registration");
                case "unregister":
                    events.add("unregister");
                    return null;
                case "open":
                    events.add("open " + args[0]);
                    return stub(ModbusLine.class, "line");
                case "close":
                    events.add("close " + name);
                    return null;
                case "toString":
                    return name;
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    @Test
    void opensPollsRegistersAndUndoesItAll() throws Exception {
        ModbusEndpoint endpoint = new ModbusEndpoint.Tcp("127.0.0.1", 1502);
        Device[] built = new Device[1];
        PolledDevice device = PolledDevice.start(stub(BundleContext.class, "context"), stub(ModbusLines.class, "lines"),
                new PolledDevice.Spec("Alfen wallbox", "garage", endpoint, Duration.ofMillis(10)), Object.class,
                Map.of("id", "garage"), (line, urgent) -> built[0] = new Device(urgent), Device::poll);
        assertThat(built[0].polled.await(5, TimeUnit.SECONDS)).as("polls go on after one that threw").isTrue();
        CountDownLatch ran = new CountDownLatch(1);
        built[0].urgent.execute(() -> {
            built[0].urgentThread = Thread.currentThread().getName();
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(built[0].urgentThread).isEqualTo("alfen-garage");

        device.close();
        int polls = built[0].polls.get();
        Thread.sleep(50); // real time: no poll may follow the close
        assertThat(built[0].polls.get()).isEqualTo(polls);
        built[0].urgent.execute(() -> events.add("urgent after close"));
        assertThat(events).containsExactly("open tcp://127.0.0.1:1502", "register garage", "unregister", "close line");
    }
}
