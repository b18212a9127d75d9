package dev.sluice.model;

/** A place in a configuration file: 1-based line and column, as editors count them. */
public record SourcePos(String file, int line, int column) {

    public static final SourcePos UNKNOWN = new SourcePos("", 0, 0);

    public static SourcePos startOf(String file) {
        return new SourcePos(file, 1, 1);
    }

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : file;
    }
}
