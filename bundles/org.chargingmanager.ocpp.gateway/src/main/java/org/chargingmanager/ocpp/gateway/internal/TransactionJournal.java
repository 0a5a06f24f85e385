package org.chargingmanager.ocpp.gateway.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The persistent queue of transaction messages (StartTransaction, MeterValues of a transaction,
 * StopTransaction) of one upstream connection, and the transactions they belong to: an
 * append-only file of JSON lines, each forced to disk before the call returns, so a message the
 * charge point has queued survives a backend outage, a restart and SIGKILL. Delivered in the
 * order queued; a transaction is known by a local number until its StartTransaction is
 * confirmed, then also by the backend's transaction ID ({@link #mapTransaction}).
 *
 * <p>Bounded: beyond the capacity the oldest MeterValues are dropped; StartTransaction and
 * StopTransaction never. A torn last line (killed while writing) is ignored when reading. The
 * file is rewritten (atomically) with what is still needed when the queue is empty and the file
 * has grown.
 */
final class TransactionJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionJournal.class);
    static final String START = "StartTransaction";
    static final String STOP = "StopTransaction";
    static final String METER_VALUES = "MeterValues";
    private static final long COMPACT_ABOVE_BYTES = 256 * 1024;

    /** A queued message: its OCPP action and request payload (JSON; the transactionId filled in when sent). */
    record Entry(long seq, long localTx, int connectorId, String action, String payload, Instant queuedAt) {
    }

    /** A transaction that has not ended yet. */
    record OpenTransaction(long localTx, int connectorId, String idTag, int meterStartWattHours, Instant startedAt) {
    }

    private final Path file;
    private final int capacity;
    private final String name;
    private final LinkedHashMap<Long, Entry> queue = new LinkedHashMap<>();
    private final Map<Long, OpenTransaction> open = new LinkedHashMap<>();
    private final Map<Long, Integer> backendIds = new HashMap<>();
    /** Pass-through: the transaction ID the charge point was given, by local number; the most recent ones. */
    private final LinkedHashMap<Long, Integer> aliases = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > MAX_ALIASES;
        }
    };
    private static final int MAX_ALIASES = 1000;
    private FileChannel channel;
    private long nextSeq = 1;
    private long nextTx = 1;
    private long droppedMeterValues;

    private TransactionJournal(Path file, int capacity, String name) {
        this.file = file;
        this.capacity = capacity;
        this.name = name;
    }

    /**
     * Reads the journal (if any) and opens it for appending.
     *
     * @param name for log lines, e.g. the charge box ID
     */
    static TransactionJournal open(Path file, int capacity, String name) throws IOException {
        TransactionJournal journal = new TransactionJournal(file, capacity, name);
        if (Files.exists(file)) {
            journal.read();
        }
        journal.rewrite();
        return journal;
    }

    private void read() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                apply(JsonParser.parseString(line).getAsJsonObject());
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) {
                    LOG.warn("chargeBox={} queue file {}: torn last line ignored (killed while writing)", name,
                            file.getFileName());
                } else {
                    LOG.warn("chargeBox={} queue file {}: line {} unreadable, skipped: {}", name, file.getFileName(),
                            i + 1, e.toString());
                }
            }
        }
        if (!queue.isEmpty() || !open.isEmpty()) {
            LOG.info("chargeBox={} {} queued transaction message(s) and {} open transaction(s) read from {}", name,
                    queue.size(), open.size(), file.getFileName());
        }
    }

    private void apply(JsonObject line) {
        String op = line.get("op").getAsString();
        switch (op) {
            case "counters" -> {
                nextSeq = Math.max(nextSeq, line.get("seq").getAsLong());
                nextTx = Math.max(nextTx, line.get("tx").getAsLong());
            }
            case "open" -> {
                OpenTransaction tx = new OpenTransaction(line.get("tx").getAsLong(), line.get("c").getAsInt(),
                        line.get("tag").getAsString(), line.get("meter").getAsInt(),
                        Instant.parse(line.get("at").getAsString()));
                open.put(tx.localTx(), tx);
                nextTx = Math.max(nextTx, tx.localTx() + 1);
            }
            case "close" -> open.remove(line.get("tx").getAsLong());
            case "add" -> {
                Entry entry = new Entry(line.get("seq").getAsLong(), line.get("tx").getAsLong(),
                        line.get("c").getAsInt(), line.get("action").getAsString(), line.get("payload").getAsString(),
                        Instant.parse(line.get("at").getAsString()));
                queue.put(entry.seq(), entry);
                nextSeq = Math.max(nextSeq, entry.seq() + 1);
            }
            case "done" -> queue.remove(line.get("seq").getAsLong());
            case "map" -> backendIds.put(line.get("tx").getAsLong(), line.get("id").getAsInt());
            case "alias" -> aliases.put(line.get("tx").getAsLong(), line.get("id").getAsInt());
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /** Opens a transaction and queues its StartTransaction; returns the local transaction number. */
    synchronized long startTransaction(int connectorId, String idTag, int meterStartWattHours, Instant at,
            java.util.function.LongFunction<String> startPayload) {
        long localTx = nextTx++;
        OpenTransaction tx = new OpenTransaction(localTx, connectorId, idTag, meterStartWattHours, at);
        JsonObject line = new JsonObject();
        line.addProperty("op", "open");
        line.addProperty("tx", localTx);
        line.addProperty("c", connectorId);
        line.addProperty("tag", idTag);
        line.addProperty("meter", meterStartWattHours);
        line.addProperty("at", at.toString());
        append(line);
        open.put(localTx, tx);
        add(localTx, connectorId, START, startPayload.apply(localTx), at);
        return localTx;
    }

    /**
     * Pass-through: opens the transaction the central system recorded as {@code localTx} (its
     * transaction log's ID) and queues the charge point's StartTransaction payload as received.
     */
    synchronized long startTransaction(long localTx, int connectorId, String idTag, int meterStartWattHours,
            Instant at, String payload) {
        if (open.containsKey(localTx)) {
            return -1; // the charge point sent it again (it missed our answer): queued once
        }
        JsonObject line = new JsonObject();
        line.addProperty("op", "open");
        line.addProperty("tx", localTx);
        line.addProperty("c", connectorId);
        line.addProperty("tag", idTag);
        line.addProperty("meter", meterStartWattHours);
        line.addProperty("at", at.toString());
        append(line);
        open.put(localTx, new OpenTransaction(localTx, connectorId, idTag, meterStartWattHours, at));
        nextTx = Math.max(nextTx, localTx + 1);
        return add(localTx, connectorId, START, payload, at);
    }

    /** Pass-through: the charge point was given {@code chargePointTransactionId} for {@code localTx}. */
    synchronized void alias(long localTx, int chargePointTransactionId) {
        JsonObject line = new JsonObject();
        line.addProperty("op", "alias");
        line.addProperty("tx", localTx);
        line.addProperty("id", chargePointTransactionId);
        append(line);
        aliases.put(localTx, chargePointTransactionId);
    }

    synchronized OptionalInt aliasOf(long localTx) {
        Integer id = aliases.get(localTx);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The local number of the most recent transaction whose charge point ID is this. */
    synchronized java.util.OptionalLong localOfAlias(int chargePointTransactionId) {
        long found = -1;
        for (Map.Entry<Long, Integer> alias : aliases.entrySet()) {
            if (alias.getValue() == chargePointTransactionId) {
                found = alias.getKey();
            }
        }
        return found < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(found);
    }

    /** Whether an open transaction other than {@code localTx} uses this charge point ID. */
    synchronized boolean aliasInUse(int chargePointTransactionId, long localTx) {
        return open.keySet().stream().anyMatch(tx -> tx != localTx
                && Integer.valueOf(chargePointTransactionId).equals(aliases.get(tx)));
    }

    synchronized Optional<OpenTransaction> openTransaction(long localTx) {
        return Optional.ofNullable(open.get(localTx));
    }

    /** Queues a transaction's MeterValues; beyond the capacity the oldest MeterValues are dropped. */
    synchronized long addMeterValues(long localTx, int connectorId, String payload, Instant at) {
        return add(localTx, connectorId, METER_VALUES, payload, at);
    }

    /** Queues the StopTransaction and closes the transaction. */
    synchronized long stopTransaction(long localTx, int connectorId, String payload, Instant at) {
        long seq = add(localTx, connectorId, STOP, payload, at);
        JsonObject line = new JsonObject();
        line.addProperty("op", "close");
        line.addProperty("tx", localTx);
        append(line);
        open.remove(localTx);
        return seq;
    }

    private long add(long localTx, int connectorId, String action, String payload, Instant at) {
        while (queue.size() >= capacity && dropOldestMeterValues()) {
            // room made
        }
        Entry entry = new Entry(nextSeq++, localTx, connectorId, action, payload, at);
        JsonObject line = new JsonObject();
        line.addProperty("op", "add");
        line.addProperty("seq", entry.seq());
        line.addProperty("tx", localTx);
        line.addProperty("c", connectorId);
        line.addProperty("action", action);
        line.addProperty("payload", payload);
        line.addProperty("at", at.toString());
        append(line);
        queue.put(entry.seq(), entry);
        return entry.seq();
    }

    private boolean dropOldestMeterValues() {
        Iterator<Entry> entries = queue.values().iterator();
        if (entries.hasNext()) {
            entries.next(); // the head may be on its way to the backend: keep it
        }
        while (entries.hasNext()) {
            Entry entry = entries.next();
            if (entry.action().equals(METER_VALUES)) {
                markDone(entry.seq());
                droppedMeterValues++;
                if (droppedMeterValues == 1 || droppedMeterValues % 100 == 0) {
                    LOG.warn("chargeBox={} queue full ({} messages): oldest MeterValues dropped ({} so far)", name,
                            capacity, droppedMeterValues);
                }
                return true;
            }
        }
        return false;
    }

    /** The next message to deliver. */
    synchronized Optional<Entry> head() {
        return queue.values().stream().findFirst();
    }

    /** The message was confirmed by the backend (or given up): it is not sent again. */
    synchronized void done(long seq) {
        if (queue.containsKey(seq)) {
            markDone(seq);
        }
        if (queue.isEmpty() && sizeOnDisk() > COMPACT_ABOVE_BYTES) {
            try {
                rewrite();
            } catch (IOException e) {
                LOG.warn("chargeBox={} could not compact {}: {}", name, file.getFileName(), e.toString());
            }
        }
    }

    private void markDone(long seq) {
        JsonObject line = new JsonObject();
        line.addProperty("op", "done");
        line.addProperty("seq", seq);
        append(line);
        queue.remove(seq);
    }

    /** The backend confirmed the StartTransaction of {@code localTx} with this transaction ID. */
    synchronized void mapTransaction(long localTx, int backendTransactionId) {
        JsonObject line = new JsonObject();
        line.addProperty("op", "map");
        line.addProperty("tx", localTx);
        line.addProperty("id", backendTransactionId);
        append(line);
        backendIds.put(localTx, backendTransactionId);
    }

    synchronized OptionalInt backendTransactionId(long localTx) {
        Integer id = backendIds.get(localTx);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    synchronized Collection<OpenTransaction> openTransactions() {
        return List.copyOf(open.values());
    }

    synchronized int size() {
        return queue.size();
    }

    synchronized long droppedMeterValues() {
        return droppedMeterValues;
    }

    private long sizeOnDisk() {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    private void append(JsonObject line) {
        byte[] bytes = (line.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("chargeBox=" + name + " cannot write the queue file " + file, e);
        }
    }

    /** Writes what is still needed into a new file and replaces the old one atomically. */
    private void rewrite() throws IOException {
        if (channel != null) {
            channel.close();
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel = out;
            JsonObject counters = new JsonObject();
            counters.addProperty("op", "counters");
            counters.addProperty("seq", nextSeq);
            counters.addProperty("tx", nextTx);
            append(counters);
            List<Long> needed = new ArrayList<>(open.keySet());
            queue.values().forEach(entry -> needed.add(entry.localTx()));
            backendIds.keySet().retainAll(needed);
            for (OpenTransaction tx : open.values()) {
                JsonObject line = new JsonObject();
                line.addProperty("op", "open");
                line.addProperty("tx", tx.localTx());
                line.addProperty("c", tx.connectorId());
                line.addProperty("tag", tx.idTag());
                line.addProperty("meter", tx.meterStartWattHours());
                line.addProperty("at", tx.startedAt().toString());
                append(line);
            }
            for (Map.Entry<Long, Integer> mapping : backendIds.entrySet()) {
                JsonObject line = new JsonObject();
                line.addProperty("op", "map");
                line.addProperty("tx", mapping.getKey());
                line.addProperty("id", mapping.getValue());
                append(line);
            }
            for (Map.Entry<Long, Integer> alias : aliases.entrySet()) {
                JsonObject line = new JsonObject();
                line.addProperty("op", "alias");
                line.addProperty("tx", alias.getKey());
                line.addProperty("id", alias.getValue());
                append(line);
            }
            for (Entry entry : queue.values()) {
                JsonObject line = new JsonObject();
                line.addProperty("op", "add");
                line.addProperty("seq", entry.seq());
                line.addProperty("tx", entry.localTx());
                line.addProperty("c", entry.connectorId());
                line.addProperty("action", entry.action());
                line.addProperty("payload", entry.payload());
                line.addProperty("at", entry.queuedAt().toString());
                append(line);
            }
        } finally {
            channel = null;
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot sync a directory
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
