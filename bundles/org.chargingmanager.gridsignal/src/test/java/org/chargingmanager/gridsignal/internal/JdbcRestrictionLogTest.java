package org.chargingmanager.gridsignal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.Restriction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The restriction log on the embedded H2 file and on a real PostgreSQL server. */
class JdbcRestrictionLogTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void h2() throws Exception {
        exercise(new JdbcRestrictionLog(JdbcRestrictionLog.h2Url(directory), "", ""));
    }

    @Test
    void postgresql() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            exercise(new JdbcRestrictionLog(url, "postgres", ""));
            // opening again finds the table
            exercise(new JdbcRestrictionLog(url, "postgres", ""));
        }
    }

    @Test
    void aWrongUrlIsRefusedWithAMessageWithoutThePassword() {
        assertThatThrownBy(() -> new JdbcRestrictionLog("jdbc:mysql://x/y?password=secret", "", "secret"))
                .isInstanceOf(GridLogException.class).hasMessageContaining("jdbc:h2:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new JdbcRestrictionLog("jdbc:postgresql://127.0.0.1:1/x?password=secret", "u", "secret"))
                .isInstanceOf(GridLogException.class).hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    private static void exercise(JdbcRestrictionLog log) throws Exception {
        Instant base = T0.plusSeconds(System.nanoTime() % 1000 * 10_000L);
        PowerStats stats = new PowerStats();
        stats.add(1000);
        stats.add(3000);
        long old = log.open("input-p14a", "§14a control box", base, 4200, "W", false);
        log.close(old, base.plusSeconds(90), stats);
        long running = log.open("smgw", "SMGW", base.plusSeconds(100), 30, "%", true);
        log.update(running, base.plusSeconds(110), stats);

        List<Restriction> all = log.query(base, base.plusSeconds(200));
        assertThat(all).hasSize(2);
        Restriction first = all.get(0);
        assertThat(first.sourceId()).isEqualTo("input-p14a");
        assertThat(first.kind()).isEqualTo("§14a control box");
        assertThat(first.start()).isEqualTo(base);
        assertThat(first.end()).isEqualTo(base.plusSeconds(90));
        assertThat(first.requestedLimit()).isEqualTo(4200);
        assertThat(first.minPowerWatts()).isEqualTo(1000);
        assertThat(first.avgPowerWatts()).isEqualTo(2000);
        assertThat(first.maxPowerWatts()).isEqualTo(3000);
        assertThat(first.samples()).isEqualTo(2);
        assertThat(all.get(1).end()).isNull();
        assertThat(all.get(1).failsafe()).isTrue();

        assertThat(log.query(base.plusSeconds(95), base.plusSeconds(200))).extracting(Restriction::sourceId)
                .containsExactly("smgw");
        assertThat(log.query(base.minusSeconds(100), base)).isEmpty();
        assertThat(log.deleteEndedBefore(base.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(log.closeDangling()).isEqualTo(1);
        assertThat(log.query(base, base.plusSeconds(200)).get(0).end()).isEqualTo(base.plusSeconds(110));
        log.deleteEndedBefore(base.plus(Duration.ofDays(1)));
        log.close();
    }
}
