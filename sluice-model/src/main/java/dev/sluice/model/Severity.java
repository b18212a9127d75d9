package dev.sluice.model;

/** How bad a diagnostic is: errors make a configuration invalid, warnings do not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
