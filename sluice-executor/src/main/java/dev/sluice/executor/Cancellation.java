package dev.sluice.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-way cancel signal for one step. Whoever runs the step registers what to do on cancel; whoever
 * cancels may be on any thread. A callback registered after the signal runs at once, so a cancel that
 * arrives just before a process starts is not lost.
 */
public final class Cancellation {

    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean canceled;

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (canceled) {
                return;
            }
            canceled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCanceled() {
        return canceled;
    }

    /** Runs {@code callback} on cancel (now, on this thread, if already canceled). */
    public void onCancel(Runnable callback) {
        synchronized (this) {
            if (!canceled) {
                callbacks.add(callback);
                return;
            }
        }
        callback.run();
    }

    /** Forgets a callback once its step is over. */
    public synchronized void remove(Runnable callback) {
        callbacks.remove(callback);
    }
}
