package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.config.CompileResult;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.io.IOException;
import java.util.List;

/**
 * {@code sluice lint --json}: {@code {"file", "valid", "errors": [...], "warnings": [...]}}, each
 * diagnostic as {@code {file, line, column, code, message, path, related: [{file, line, column, note}]}}.
 */
final class LintReport {

    private LintReport() {
    }

    static void write(JsonGenerator json, String file, CompileResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", file);
        json.writeBooleanField("valid", result.valid());
        diagnostics(json, "errors", result.errors());
        diagnostics(json, "warnings", result.warnings());
        json.writeEndObject();
    }

    private static void diagnostics(JsonGenerator json, String name, List<Diagnostic> diagnostics) throws IOException {
        json.writeArrayFieldStart(name);
        for (Diagnostic d : diagnostics) {
            json.writeStartObject();
            position(json, d.pos());
            json.writeStringField("code", d.code());
            json.writeStringField("message", d.message());
            json.writeStringField("path", d.path());
            json.writeArrayFieldStart("related");
            for (Diagnostic.Related r : d.related()) {
                json.writeStartObject();
                position(json, r.pos());
                json.writeStringField("note", r.note());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Line and column are null when unknown (0 in {@link SourcePos}), so consumers need no magic numbers. */
    private static void position(JsonGenerator json, SourcePos pos) throws IOException {
        json.writeStringField("file", pos.file());
        if (pos.isKnown()) {
            json.writeNumberField("line", pos.line());
            json.writeNumberField("column", pos.column());
        } else {
            json.writeNullField("line");
            json.writeNullField("column");
        }
    }
}
