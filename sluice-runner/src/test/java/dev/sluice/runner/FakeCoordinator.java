package dev.sluice.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Headers;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.ProtocolJson;
import dev.sluice.protocol.TraceRange;
import dev.sluice.protocol.UpdateJobRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A coordinator for tests on a loopback port: it speaks the runner API as runner-protocol.md records it
 * (pending jobs handed out once, traces appended at exact offsets with 202/416 and {@code Range}, job updates
 * answered with {@code Job-Status}), records every call, and lets a test script any reply first.
 */
final class FakeCoordinator implements AutoCloseable {

    /** One request as it arrived. Header names are lower case. */
    record Call(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        <T> T json(Class<T> type) {
            try {
                return ProtocolJson.decode(body, type);
            } catch (dev.sluice.protocol.ProtocolException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A reply: status, headers, body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply of(int status, Map<String, String> headers) {
            return new Reply(status, headers, new byte[0]);
        }

        static Reply json(int status, Object body, Map<String, String> headers) {
            var h = new java.util.HashMap<>(headers);
            h.put("Content-Type", "application/json");
            return new Reply(status, h, body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ProtocolJson.encode(body));
        }
    }

    private record Script(Predicate<Call> when, Function<Call, Reply> reply, boolean once) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    private final Deque<JobPayload> pending = new ArrayDeque<>();
    final Map<Long, ByteArrayOutputStream> traces = new ConcurrentHashMap<>();
    /** The server's status of each handed-out job: running, canceling, canceled, success, failed. */
    final Map<Long, String> status = new ConcurrentHashMap<>();
    final Map<Long, byte[]> artifacts = new ConcurrentHashMap<>();
    private volatile String queueVersion = "v0";
    /** The most jobs handed out and not yet finished at any one time. */
    volatile int maxRunning;

    FakeCoordinator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** For field initialisers: an I/O failure to bind loopback is a broken test machine. */
    static FakeCoordinator unchecked() {
        try {
            return new FakeCoordinator();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void enqueue(JobPayload job) {
        pending.add(job);
        queueVersion = "v" + (Integer.parseInt(queueVersion.substring(1)) + 1);
    }

    synchronized int pendingJobs() {
        return pending.size();
    }

    /** Marks a job as handed out and running, as if a runner had taken it. */
    void running(long jobId) {
        status.put(jobId, "running");
        traces.put(jobId, new ByteArrayOutputStream());
    }

    /** Answers the next call that {@code when} matches with {@code reply}, then behaves as before. */
    void once(Predicate<Call> when, Function<Call, Reply> reply) {
        scripts.add(new Script(when, reply, true));
    }

    void always(Predicate<Call> when, Function<Call, Reply> reply) {
        scripts.add(new Script(when, reply, false));
    }

    List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
    }

    String trace(long jobId) {
        var t = traces.get(jobId);
        return t == null ? "" : t.toString(StandardCharsets.UTF_8);
    }

    /** The last update the runner sent for a job in a final state, if any. */
    Optional<UpdateJobRequest> finalUpdate(long jobId) {
        return calls("PUT", "/api/v4/jobs/" + jobId).stream().filter(c -> c.path().equals("/api/v4/jobs/" + jobId))
                .map(c -> c.json(UpdateJobRequest.class)).filter(u -> u.state().equals("success") || u.state().equals("failed"))
                .reduce((a, b) -> b);
    }

    private void handle(HttpExchange ex) throws IOException {
        var call = new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                lowerCase(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        calls.add(call);
        Reply reply = scripted(call).orElseGet(() -> route(call));
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (reply.body().length == 0) {
            ex.sendResponseHeaders(reply.status(), -1);
        } else {
            ex.sendResponseHeaders(reply.status(), reply.body().length);
            ex.getResponseBody().write(reply.body());
        }
        ex.close();
    }

    private Optional<Reply> scripted(Call call) {
        for (Script s : scripts) {
            if (s.when().test(call)) {
                if (s.once() && !scripts.remove(s)) {
                    continue;
                }
                return Optional.of(s.reply().apply(call));
            }
        }
        return Optional.empty();
    }

    private Reply route(Call c) {
        String p = c.path();
        if (c.method().equals("POST") && p.equals("/api/v4/jobs/request")) {
            return request();
        }
        if (p.matches("/api/v4/jobs/\\d+/trace") && c.method().equals("PATCH")) {
            return trace(c, id(p));
        }
        if (p.matches("/api/v4/jobs/\\d+") && c.method().equals("PUT")) {
            return update(c, id(p));
        }
        if (p.matches("/api/v4/jobs/\\d+/artifacts") && c.method().equals("POST")) {
            if (c.query() == null || c.query().contains("artifact_type=archive")) {
                artifacts.put(id(p), Multiparts.file(c));
            }
            return Reply.json(201, "{}", Map.of());
        }
        if (p.matches("/api/v4/jobs/\\d+/artifacts") && c.method().equals("GET")) {
            byte[] a = artifacts.get(id(p));
            return a == null ? Reply.of(404, Map.of()) : new Reply(200, Map.of("Content-Type", "application/zip"), a);
        }
        return Reply.of(404, Map.of());
    }

    private synchronized Reply request() {
        JobPayload job = pending.poll();
        if (job == null) {
            return Reply.of(204, Map.of(Headers.LAST_UPDATE, queueVersion));
        }
        status.put(job.id(), "running");
        traces.put(job.id(), new ByteArrayOutputStream());
        int running = (int) status.values().stream().filter(s -> s.equals("running") || s.equals("canceling")).count();
        maxRunning = Math.max(maxRunning, running);
        return Reply.json(201, job, Map.of(Headers.LAST_UPDATE, queueVersion));
    }

    private Reply trace(Call c, long id) {
        var trace = traces.get(id);
        String js = status.getOrDefault(id, "running");
        if (trace == null || !(js.equals("running") || js.equals("canceling"))) {
            return Reply.of(403, Map.of(Headers.JOB_STATUS, js));
        }
        synchronized (trace) {
            long start;
            try {
                start = TraceRange.parseStart(c.header(Headers.CONTENT_RANGE));
            } catch (dev.sluice.protocol.ProtocolException e) {
                return Reply.of(400, Map.of());
            }
            if (start != trace.size()) {
                return Reply.of(416, Map.of(Headers.RANGE, TraceRange.range(trace.size()), Headers.JOB_STATUS, js));
            }
            trace.writeBytes(c.body());
            return Reply.of(202, Map.of(Headers.RANGE, TraceRange.range(trace.size()), Headers.JOB_STATUS, js,
                    Headers.TRACE_UPDATE_INTERVAL, "1"));
        }
    }

    private Reply update(Call c, long id) {
        var u = c.json(UpdateJobRequest.class);
        String js = status.getOrDefault(id, "running");
        if (!(js.equals("running") || js.equals("canceling"))) {
            return Reply.of(403, Map.of(Headers.JOB_STATUS, js));
        }
        if (u.state().equals("success") || u.state().equals("failed")) {
            status.put(id, js.equals("canceling") ? "canceled" : u.state());
        }
        return new Reply(200, Map.of(Headers.JOB_STATUS, js), "200".getBytes(StandardCharsets.UTF_8));
    }

    private static long id(String path) {
        return Long.parseLong(path.split("/")[4]);
    }

    private static Map<String, List<String>> lowerCase(com.sun.net.httpserver.Headers headers) {
        var map = new java.util.HashMap<String, List<String>>();
        headers.forEach((k, v) -> map.put(k.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(v)));
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
