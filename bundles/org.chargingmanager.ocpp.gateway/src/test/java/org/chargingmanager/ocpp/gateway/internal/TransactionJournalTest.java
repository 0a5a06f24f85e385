package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionJournalTest {

    @TempDir
    Path directory;

    private final Instant at = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void keepsOrderMappingAndOpenTransactionsAcrossReopeningAndATornLastLine() throws Exception {
        Path file = directory.resolve("CB.queue");
        long tx;
        try (TransactionJournal journal = TransactionJournal.open(file, 100, "CB")) {
            tx = journal.startTransaction(1, "TAG", 10, at, local -> "{\"start\":" + local + "}");
            journal.addMeterValues(tx, 1, "{\"mv\":1}", at);
            journal.done(journal.head().orElseThrow().seq());
            journal.mapTransaction(tx, 4711);
        }
        Files.writeString(file, "{\"op\":\"add\",\"seq\":99,\"tx\":1,\"c\":1,\"act", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (TransactionJournal journal = TransactionJournal.open(file, 100, "CB")) {
            assertThat(journal.size()).isEqualTo(1);
            assertThat(journal.head().orElseThrow().payload()).isEqualTo("{\"mv\":1}");
            assertThat(journal.backendTransactionId(tx)).hasValue(4711);
            assertThat(journal.openTransactions()).extracting(TransactionJournal.OpenTransaction::idTag)
                    .containsExactly("TAG");
            journal.stopTransaction(tx, 1, "{\"stop\":1}", at);
            long second = journal.startTransaction(1, "TAG2", 20, at, local -> "{}");
            assertThat(second).isGreaterThan(tx);
        }
        try (TransactionJournal journal = TransactionJournal.open(file, 100, "CB")) {
            assertThat(journal.openTransactions()).hasSize(1);
            assertThat(journal.size()).isEqualTo(3);
        }
    }

    @Test
    void whenFullTheOldestMeterValuesGoButTransactionsNever() throws Exception {
        try (TransactionJournal journal = TransactionJournal.open(directory.resolve("CB.queue"), 10, "CB")) {
            long tx = journal.startTransaction(1, "TAG", 0, at, local -> "start");
            for (int i = 0; i < 20; i++) {
                journal.addMeterValues(tx, 1, "mv" + i, at);
            }
            journal.stopTransaction(tx, 1, "stop", at);
            assertThat(journal.size()).isEqualTo(10);
            assertThat(journal.head().orElseThrow().payload()).isEqualTo("start");
            assertThat(journal.droppedMeterValues()).isEqualTo(12);
            java.util.List<String> payloads = new java.util.ArrayList<>();
            while (journal.head().isPresent()) {
                payloads.add(journal.head().get().payload());
                journal.done(journal.head().get().seq());
            }
            assertThat(payloads).containsExactly("start", "mv12", "mv13", "mv14", "mv15", "mv16", "mv17", "mv18",
                    "mv19", "stop");
        }
    }
}
