package dev.sluice.cli;

import dev.sluice.cli.run.Dispatcher;
import dev.sluice.cli.run.RunConsole;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C during {@code sluice run}: the first cancels the pipeline as GitLab's Cancel does (running
 * jobs are stopped, their process trees killed, after_script still runs), a second stops at once.
 * A termination signal (SIGTERM, SIGHUP) cancels too, from a shutdown hook that waits for the jobs,
 * since their processes live in their own sessions and would outlive the JVM.
 *
 * <p>SIGINT is caught through {@code sun.misc.Signal}, by reflection so the build needs no internal
 * API; where it is missing, Ctrl-C takes the shutdown hook's path.
 */
final class Interrupts implements AutoCloseable {

    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Dispatcher dispatcher;
    private final RunConsole console;
    private final AtomicInteger interrupts = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private Optional<Object> previousHandler = Optional.empty();

    private Interrupts(Dispatcher dispatcher, RunConsole console) {
        this.dispatcher = dispatcher;
        this.console = console;
        this.hook = new Thread(this::onShutdown, "sluice-run-shutdown");
    }

    static Interrupts install(Dispatcher dispatcher, RunConsole console) {
        var interrupts = new Interrupts(dispatcher, console);
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        interrupts.previousHandler = interrupts.handleSigint();
        return interrupts;
    }

    /** The run has ended and printed its summary. */
    void finished() {
        finished.countDown();
    }

    void interrupt() {
        if (interrupts.incrementAndGet() == 1) {
            console.notice("Canceling the pipeline (Ctrl-C again to stop at once)...");
            dispatcher.cancel();
        } else {
            console.notice("Stopping every job now...");
            dispatcher.abort();
        }
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        try {
            dispatcher.cancel();
            if (!dispatcher.awaitEnd(GRACE)) {
                dispatcher.abort();
                dispatcher.awaitEnd(Duration.ofSeconds(10));
            }
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running or done
        }
        previousHandler.ifPresent(this::restoreSigint);
    }

    private Optional<Object> handleSigint() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("INT");
            InvocationHandler onSignal = (Object proxy, Method method, Object[] args) -> {
                if (method.getName().equals("handle")) {
                    interrupt();
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "sluice-run-sigint";
                };
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
            return Optional.of(signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private void restoreSigint(Object previous) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("INT");
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the JVM's default stays replaced; only matters in-process (tests)
        }
    }
}
