package dev.sluice.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The runner manager's {@code system_id}, as gitlab-runner derives it: {@code s_} and 12 hex characters of
 * an HMAC-SHA256 of the machine id, or {@code r_} and 12 random characters, kept in
 * {@code .runner_system_id} beside the config file so it survives restarts.
 */
public final class SystemId {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private SystemId() {
    }

    public static String forConfig(Path configFile) throws IOException {
        Path state = configFile.toAbsolutePath().resolveSibling(".runner_system_id");
        if (Files.isRegularFile(state)) {
            String id = Files.readString(state).strip();
            if (id.matches("[sr]_[A-Za-z0-9]{12}")) {
                return id;
            }
        }
        String id = generate();
        Files.createDirectories(state.getParent());
        Files.writeString(state, id + "\n");
        return id;
    }

    static String generate() {
        for (Path p : new Path[] {Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id")}) {
            try {
                String machineId = Files.readString(p).strip();
                if (!machineId.isEmpty()) {
                    return "s_" + hmac(machineId).substring(0, 12);
                }
            } catch (IOException | GeneralSecurityException e) {
                // try the next source, then fall back to a random id
            }
        }
        var random = new SecureRandom();
        var sb = new StringBuilder("r_");
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    private static String hmac(String machineId) throws GeneralSecurityException {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(machineId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal("gitlab-runner".getBytes(StandardCharsets.UTF_8)));
    }
}
