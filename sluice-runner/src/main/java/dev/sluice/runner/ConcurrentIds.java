package dev.sluice.runner;

import java.util.BitSet;

/** gitlab-runner's {@code CI_CONCURRENT_ID}: the lowest id no running job of this runner entry holds. */
final class ConcurrentIds {

    private final BitSet used = new BitSet();

    synchronized int take() {
        int id = used.nextClearBit(0);
        used.set(id);
        return id;
    }

    synchronized void release(int id) {
        used.clear(id);
    }
}
