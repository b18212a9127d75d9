package dev.sluice.server.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Tells the open pages of a pipeline that it changed. The scheduler calls {@link #pipelineChanged} under the
 * pipeline's lock, so it only raises flags; each page's event stream renders on its own thread. Changes that
 * arrive while a page is rendering coalesce into one more render.
 */
public final class LiveUpdates {

    /** One open page's flag. */
    static final class Watch implements AutoCloseable {
        private final BlockingQueue<Boolean> flag = new ArrayBlockingQueue<>(1);
        private final Runnable unregister;

        private Watch(Runnable unregister) {
            this.unregister = unregister;
        }

        /** True when the pipeline changed within {@code wait}. */
        boolean await(Duration wait) throws InterruptedException {
            return flag.poll(wait.toMillis(), TimeUnit.MILLISECONDS) != null;
        }

        @Override
        public void close() {
            unregister.run();
        }
    }

    private final Map<Long, Set<Watch>> watches = new ConcurrentHashMap<>();

    public void pipelineChanged(long pipelineId) {
        for (Watch w : watches.getOrDefault(pipelineId, Set.of())) {
            w.flag.offer(Boolean.TRUE);
        }
    }

    Watch watch(long pipelineId) {
        Set<Watch> set = watches.computeIfAbsent(pipelineId, id -> ConcurrentHashMap.newKeySet());
        Watch[] self = new Watch[1];
        self[0] = new Watch(() -> set.remove(self[0]));
        set.add(self[0]);
        return self[0];
    }
}
