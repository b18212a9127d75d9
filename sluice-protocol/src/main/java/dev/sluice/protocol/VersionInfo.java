package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code info} object a runner sends with register, verify, {@code jobs/request} and job updates: who it
 * is and which {@code features} it supports (gitlab-runner's {@code VersionInfo}). Newer runners add keys
 * such as {@code labels}; they are kept in {@code extra}.
 */
public record VersionInfo(String name, String version, String revision, String platform, String architecture,
                          String executor, String shell, Map<String, Boolean> features, Map<String, Object> config,
                          @JsonAnySetter Map<String, JsonNode> extra) {

    /** Features every Sluice runner has, whatever its executor (the network client's set and more). */
    public static final Map<String, Boolean> SLUICE_FEATURES = features("variables", "image", "services",
            "artifacts", "cache", "fallback_cache_keys", "upload_multiple_artifacts", "upload_raw_artifacts",
            "masking", "raw_variables", "artifacts_exclude", "multi_build_steps", "trace_reset", "trace_checksum",
            "trace_size", "cancelable", "return_exit_code", "service_variables", "service_multiple_aliases",
            "cancel_gracefully", "two_phase_job_commit");

    public VersionInfo {
        features = features == null ? null : new LinkedHashMap<>(features);
        config = config == null ? null : new LinkedHashMap<>(config);
        extra = Extra.copy(extra);
    }

    public static VersionInfo sluice(String version, String executor, String shell) {
        return new VersionInfo("sluice-runner", version, "", System.getProperty("os.name", "linux").toLowerCase(java.util.Locale.ROOT),
                hostArchitecture(), executor, shell, SLUICE_FEATURES, Map.of("gpus", ""), Map.of());
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    private static String hostArchitecture() {
        String arch = System.getProperty("os.arch", "amd64");
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private static Map<String, Boolean> features(String... names) {
        var map = new LinkedHashMap<String, Boolean>();
        for (String n : names) {
            map.put(n, true);
        }
        return Map.copyOf(map);
    }
}
