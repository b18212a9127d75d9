package dev.sluice.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns the executor's zip of a report into the format GitLab expects for its type: {@code gzip} is one
 * gzip member per file, concatenated (as gitlab-runner writes it); {@code raw} is the first file as it is.
 */
final class ReportFormats {

    private ReportFormats() {
    }

    /** {@code zip} itself for zip (or an unknown format); otherwise a new file under {@code scratch}. */
    static Path convert(Path zip, String format, Path scratch) throws IOException {
        if (!format.equals("gzip") && !format.equals("raw")) {
            return zip;
        }
        Path out = Files.createTempFile(scratch, "report", "." + format);
        try (var in = new ZipInputStream(Files.newInputStream(zip)); OutputStream target = Files.newOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (format.equals("raw")) {
                    in.transferTo(target);
                    break;
                }
                var member = new GZIPOutputStream(new NonClosing(target));
                in.transferTo(member);
                member.finish();
                member.close();
            }
        }
        return out;
    }

    /** Lets one gzip member end without closing the file behind it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
