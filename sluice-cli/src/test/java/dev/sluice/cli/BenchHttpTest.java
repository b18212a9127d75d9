package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BenchHttpTest {

    /** A server that answers one request per connection and then closes it without saying so, as an idle timeout does. */
    @Test
    void aRequestThatMeetsAConnectionTheServerClosedGoesAgainOnANewOne() throws Exception {
        var connections = new AtomicInteger();
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        int n = connections.incrementAndGet();
                        var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        while (!in.readLine().isEmpty()) { // the request's head; the test's requests have no body
                        }
                        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + n).getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        Thread.sleep(50); // the client takes the connection back as idle before it closes
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            try (var client = new BenchHttp("http://127.0.0.1:" + server.getLocalPort())) {
                assertThat(client.send("GET", "/", Map.of(), new byte[0]).body()).isEqualTo("1");
                Thread.sleep(200); // the server has closed the first connection by now

                assertThat(client.send("GET", "/", Map.of(), new byte[0]).body()).isEqualTo("2");
            }
        }
        assertThat(connections.get()).isEqualTo(2);
    }
}
