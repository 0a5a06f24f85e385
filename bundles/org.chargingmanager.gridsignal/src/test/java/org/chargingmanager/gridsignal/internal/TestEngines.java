package org.chargingmanager.gridsignal.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.chargingmanager.api.grid.GridLogException;

/** An engine with a real H2 restriction log, for the tests of other packages. */
public final class TestEngines {

    private TestEngines() {
    }

    public record Engine(GridSignalEngine engine, JdbcRestrictionLog log) implements AutoCloseable {
        @Override
        public void close() {
            engine.stop();
            log.close();
        }
    }

    public static Engine start(MapVariables variables, Clock clock, Path directory) throws GridLogException {
        JdbcRestrictionLog log = new JdbcRestrictionLog(JdbcRestrictionLog.h2Url(directory), "", "");
        return new Engine(new GridSignalEngine(variables, log, clock, "grid.power"), log);
    }
}
