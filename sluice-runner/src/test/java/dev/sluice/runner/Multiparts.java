package dev.sluice.runner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the one file part of a {@code multipart/form-data} body, for the fake coordinator. */
final class Multiparts {

    private Multiparts() {
    }

    static byte[] file(FakeCoordinator.Call call) {
        String type = call.header("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        byte[] body = call.body();
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        int start = head.indexOf("\r\n\r\n") + 4;
        byte[] end = ("\r\n" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOfRange(body, start, body.length - end.length - 2);
    }

    static String disposition(FakeCoordinator.Call call) {
        String head = new String(call.body(), 0, Math.min(call.body().length, 1024), StandardCharsets.ISO_8859_1);
        return head.lines().filter(l -> l.startsWith("Content-Disposition")).findFirst().orElse("");
    }
}
