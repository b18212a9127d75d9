package dev.sluice.protocol;

import java.util.Map;

/**
 * GitLab's upload name and format of each {@code artifacts:reports} type ({@code Ci::JobArtifact}
 * {@code DEFAULT_FILE_NAMES} and {@code TYPE_AND_FORMAT_PAIRS}); types not listed upload raw.
 */
public final class ReportTypes {

    public static final String GZIP = "gzip";
    public static final String RAW = "raw";
    public static final String ZIP = "zip";

    private static final Map<String, String> FORMATS = Map.of("junit", GZIP, "dotenv", GZIP, "cobertura", GZIP,
            "jacoco", GZIP, "metrics", GZIP, "cyclonedx", GZIP, "annotations", GZIP, "repository_xray", GZIP, "lsif", ZIP);

    private static final Map<String, String> FILE_NAMES = Map.of("junit", "junit.xml.gz", "dotenv", ".env.gz",
            "cobertura", "cobertura-coverage.xml.gz", "jacoco", "jacoco.xml.gz", "metrics", "metrics.txt.gz",
            "cyclonedx", "gl-sbom.cdx.json.gz", "annotations", "gl-annotations.json.gz", "lsif", "lsif.json.zip",
            "codequality", "gl-code-quality-report.json", "sast", "gl-sast-report.json");

    private ReportTypes() {
    }

    public static String format(String type) {
        return FORMATS.getOrDefault(type, RAW);
    }

    public static String fileName(String type) {
        return FILE_NAMES.getOrDefault(type, type + (format(type).equals(GZIP) ? ".gz" : ""));
    }
}
