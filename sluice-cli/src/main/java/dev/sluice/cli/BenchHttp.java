package dev.sluice.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The benchmarks' HTTP/1.1 client: blocking, keep-alive connections from a pool, {@code TCP_NODELAY}, the request
 * written in one piece. A runner is a separate program (gitlab-runner uses Go's net/http, which works this way);
 * here its clients share the server's CPUs, so they must cost little. Java's {@code HttpClient} hands every request
 * between threads and added about 2.5 ms to each loopback round trip on a 2-core machine, more than the server's
 * own work for the cheapest request. Only what the benchmarks need: responses with a {@code Content-Length} or
 * chunked bodies, no redirects, no TLS.
 */
final class BenchHttp implements AutoCloseable {

    /** A response: its status, headers (names in lower case) and whole body. */
    record Response(int status, Map<String, String> headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection the benchmark no longer needs: nothing to do
            }
        }
    }

    private final InetSocketAddress address;
    private final String hostHeader;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    BenchHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.hostHeader = uri.getHost() + ":" + uri.getPort();
    }

    /**
     * Sends a request on an idle connection (or a new one) and reads the whole response. The server closes a
     * connection left idle too long (Jetty: after 30 s); a request that meets such a connection, and gets no byte of
     * an answer, goes again on a new one, as Go's net/http does with a connection the server closed while idle.
     */
    Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        Connection connection = idle.pollFirst();
        if (connection == null) {
            return send(new Connection(address), method, path, headers, body);
        }
        try {
            return send(connection, method, path, headers, body);
        } catch (ClosedWhileIdle e) {
            return send(new Connection(address), method, path, headers, body);
        }
    }

    private Response send(Connection connection, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try {
            connection.out.write(head(method, path, headers, body.length));
            connection.out.write(body);
            connection.out.flush();
            Response response = read(connection.in);
            if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                connection.close();
            } else {
                idle.addFirst(connection);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The connection was closed before the response's first byte. */
    private static final class ClosedWhileIdle extends EOFException {
        ClosedWhileIdle() {
            super("the server closed the connection before answering");
        }
    }

    private byte[] head(String method, String path, Map<String, String> headers, int length) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nContent-Length: ").append(length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Response read(InputStream in) throws IOException {
        int first;
        try {
            first = in.read();
        } catch (java.net.SocketException e) { // reset: the request reached a socket the server had closed
            throw new ClosedWhileIdle();
        }
        if (first < 0) {
            throw new ClosedWhileIdle();
        }
        String status = (char) first + line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Response(Integer.parseInt(parts[1]), headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) { // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection mid-response");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            c.close();
        }
    }
}
