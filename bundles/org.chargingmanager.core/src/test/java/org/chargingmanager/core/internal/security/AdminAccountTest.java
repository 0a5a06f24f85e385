package org.chargingmanager.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private AdminAccount start(Map<String, String> properties, Map<String, String> environment) throws IOException {
        AdminAccount account = new AdminAccount();
        account.start(directory.resolve("admin-password"), properties::get, environment,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        return account;
    }

    @Test
    void passwordFromEnvironmentIsAcceptedAndStoredOnlyAsSaltedHash() throws IOException {
        AdminAccount account = start(Map.of(), Map.of("CHARGINGMANAGER_ADMIN_PASSWORD", "s3cret-Pass"));

        assertThat(account.authenticate("admin", "s3cret-Pass".toCharArray())).isTrue();
        assertThat(account.authenticate("admin", "s3cret-Pass".toCharArray())).isTrue();
        assertThat(account.authenticate("admin", "wrong".toCharArray())).isFalse();
        assertThat(account.authenticate("root", "s3cret-Pass".toCharArray())).isFalse();
        assertThat(account.authenticate("admin", new char[0])).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret-Pass");

        String stored = Files.readString(directory.resolve("admin-password"));
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("s3cret-Pass");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("admin-password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void generatedPasswordIsPrintedOnceAndSurvivesRestart() throws IOException {
        AdminAccount first = start(Map.of(), Map.of());
        Matcher printed = Pattern.compile("^\\s{5}(\\S{16})$", Pattern.MULTILINE)
                .matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as("console shows the generated password").isTrue();
        String password = printed.group(1);
        assertThat(first.authenticate("admin", password.toCharArray())).isTrue();

        console.reset();
        AdminAccount restarted = start(Map.of(), Map.of("CHARGINGMANAGER_ADMIN_PASSWORD", "ignored-now"));
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(restarted.authenticate("admin", password.toCharArray())).isTrue();
        assertThat(restarted.authenticate("admin", "ignored-now".toCharArray())).isFalse();
    }

    @Test
    void twoInstallationsGetDifferentPasswords() throws IOException {
        start(Map.of(), Map.of());
        String firstOutput = console.toString(StandardCharsets.UTF_8);
        Files.delete(directory.resolve("admin-password"));
        console.reset();
        start(Map.of(), Map.of());
        assertThat(console.toString(StandardCharsets.UTF_8)).isNotEqualTo(firstOutput);
    }

    @Test
    void frameworkPropertyIsUsedWhenEnvironmentIsEmpty() throws IOException {
        AdminAccount account = start(Map.of("chargingmanager.admin.password", "from-property"), Map.of());
        assertThat(account.authenticate("admin", "from-property".toCharArray())).isTrue();
    }

    @Test
    void damagedPasswordFileIsReportedNotReplaced() throws IOException {
        Files.writeString(directory.resolve("admin-password"), "plain-text-password");
        assertThatThrownBy(() -> start(Map.of(), Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
        assertThat(Files.readString(directory.resolve("admin-password"))).isEqualTo("plain-text-password");
    }

    @Test
    void changedPasswordReplacesTheOldOneAndSurvivesRestart() throws IOException {
        AdminAccount account = start(Map.of(), Map.of("CHARGINGMANAGER_ADMIN_PASSWORD", "first-Pass-1"));

        assertThat(account.changePassword("wrong-Pass-1".toCharArray(), "second-Pass-2".toCharArray())).isFalse();
        assertThat(account.authenticate("admin", "first-Pass-1".toCharArray())).isTrue();
        assertThatThrownBy(() -> account.changePassword("first-Pass-1".toCharArray(), "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> account.changePassword("first-Pass-1".toCharArray(), "           ".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThat(account.authenticate("admin", "first-Pass-1".toCharArray())).isTrue();

        assertThat(account.changePassword("first-Pass-1".toCharArray(), "second-Pass-2".toCharArray())).isTrue();
        assertThat(account.authenticate("admin", "first-Pass-1".toCharArray())).isFalse();
        assertThat(account.authenticate("admin", "second-Pass-2".toCharArray())).isTrue();
        assertThat(Files.readString(directory.resolve("admin-password"))).doesNotContain("second-Pass-2");

        AdminAccount restarted = start(Map.of(), Map.of("CHARGINGMANAGER_ADMIN_PASSWORD", "first-Pass-1"));
        assertThat(restarted.authenticate("admin", "second-Pass-2".toCharArray())).isTrue();
    }
}
