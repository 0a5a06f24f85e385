package org.chargingmanager.ocpp.server.internal;

/**
 * What the server has handed to one charge point's socket and the socket has not written yet:
 * frames and bytes, both bounded. A charge point that stops reading fills its TCP window, then
 * this budget; the connection is then closed instead of the server queueing frames for it
 * without bound. Thread-safe.
 */
final class OutgoingBudget {

    /** Frames not yet written that a connection may have: a healthy one has two or three. */
    static final int DEFAULT_MAX_FRAMES = 64;
    /** Bytes not yet written that a connection may have (a few of the largest messages). */
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final int maxFrames;
    private final long maxBytes;
    private int frames;
    private long bytes;

    OutgoingBudget(int maxFrames, long maxBytes) {
        if (maxFrames < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the budget must allow at least one frame and one byte");
        }
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    static OutgoingBudget defaults() {
        return new OutgoingBudget(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);
    }

    /**
     * Takes a frame of this size into the budget.
     *
     * @return false, taking nothing, when it would exceed the frames or the bytes allowed (a
     *         frame larger than the byte budget is taken while nothing else waits)
     */
    synchronized boolean tryAcquire(int frameBytes) {
        if (frames >= maxFrames || (frames > 0 && bytes + frameBytes > maxBytes)) {
            return false;
        }
        frames++;
        bytes += frameBytes;
        return true;
    }

    /** The socket wrote the frame, or gave up on it. */
    synchronized void release(int frameBytes) {
        frames = Math.max(0, frames - 1);
        bytes = Math.max(0, bytes - frameBytes);
    }

    synchronized int frames() {
        return frames;
    }

    synchronized long bytes() {
        return bytes;
    }

    int maxFrames() {
        return maxFrames;
    }

    long maxBytes() {
        return maxBytes;
    }
}
