package dev.sluice.protocol;

/**
 * The two range headers of {@code PATCH /jobs/:id/trace}. The request's {@code Content-Range} is
 * {@code <start>-<end>} with {@code end = start + length - 1}; the reply's {@code Range} is
 * {@code 0-<size>}, and the number after the dash is where the next patch must start (also on {@code 416}).
 */
public final class TraceRange {

    private TraceRange() {
    }

    public static String contentRange(long start, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("a trace patch is never empty");
        }
        return start + "-" + (start + length - 1);
    }

    /** The start of a {@code Content-Range} header; GitLab ignores the end and uses the body length. */
    public static long parseStart(String contentRange) throws ProtocolException {
        return parts(contentRange, Headers.CONTENT_RANGE)[0];
    }

    /** The size the server holds, from a reply's {@code Range: 0-<size>}. */
    public static long parseSize(String range) throws ProtocolException {
        return parts(range, Headers.RANGE)[1];
    }

    public static String range(long size) {
        return "0-" + size;
    }

    private static long[] parts(String value, String header) throws ProtocolException {
        if (value == null) {
            throw new ProtocolException("missing " + header + " header");
        }
        int dash = value.indexOf('-');
        try {
            if (dash <= 0) {
                throw new NumberFormatException();
            }
            long start = Long.parseLong(value.substring(0, dash).strip());
            long end = Long.parseLong(value.substring(dash + 1).strip());
            if (start < 0 || end < 0) {
                throw new NumberFormatException();
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed " + header + " header '" + value + "': expected <start>-<end>");
        }
    }
}
