package dev.sluice.config;

import dev.sluice.config.expr.Re2Pattern;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spec:inputs} and {@code $[[ inputs.NAME | function ]]}: checks the inputs given to a file
 * against its header (required, type, options, regex, unknown names) and interpolates them into the
 * file's keys and values before it is merged. A block that is a whole value keeps the input's type
 * (an array input becomes an array); inside a longer string it becomes text.
 */
final class InputInterpolation {

    /** Only {@code inputs.} blocks: {@code $[[ matrix.X ]]} belongs to {@code needs:parallel:matrix}, resolved later. */
    private static final Pattern BLOCK = Pattern.compile("\\$\\[\\[\\s*(inputs\\b.*?)\\s*]]");
    private static final Pattern ACCESS = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    private static final int MAX_FUNCTIONS = 3;

    private final String file;
    private final Diagnostics diagnostics;
    private final Map<String, String> variables;
    private final Map<String, InputValue> values = new LinkedHashMap<>();
    private boolean failed;

    private InputInterpolation(String file, Diagnostics diagnostics, Map<String, String> variables) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.variables = variables;
    }

    /** The body with inputs filled in, or empty when the inputs or an interpolation block are wrong (reported). */
    static Optional<YMap> apply(String file, Optional<YNode> header, YMap body, Map<String, YNode> given, SourcePos givenAt,
                                Diagnostics diagnostics, Map<String, String> variables) {
        var interpolation = new InputInterpolation(file, diagnostics, variables);
        Optional<YMap> specs = header.filter(YMap.class::isInstance).map(YMap.class::cast)
                .flatMap(h -> h.get("spec")).filter(YMap.class::isInstance).map(YMap.class::cast)
                .flatMap(s -> s.get("inputs")).filter(YMap.class::isInstance).map(YMap.class::cast);
        if (specs.isEmpty() && !given.isEmpty()) {
            diagnostics.error(givenAt, "include", "inputs", "Given inputs not defined in the `spec` section of the included "
                    + "configuration file " + file);
            return Optional.empty();
        }
        specs.ifPresent(s -> interpolation.resolve(s, given, givenAt));
        if (interpolation.failed) {
            return Optional.empty();
        }
        YNode out = interpolation.walk(body);
        return interpolation.failed ? Optional.empty() : Optional.of((YMap) out);
    }

    private void error(SourcePos pos, String message) {
        diagnostics.error(pos, "spec:inputs", "inputs", message);
        failed = true;
    }

    private void resolve(YMap specs, Map<String, YNode> given, SourcePos givenAt) {
        for (String name : given.keySet()) {
            if (!specs.has(name)) {
                error(given.get(name).pos(), "unknown input name provided: `" + name + "` in " + file
                        + DidYouMean.hint(name, specs.keys()));
            }
        }
        for (YMap.Entry spec : specs.entries()) {
            YMap definition = spec.value() instanceof YMap m ? m : YMap.empty(spec.keyPos());
            Optional<YNode> value = Optional.ofNullable(given.get(spec.key())).or(() -> definition.get("default"));
            if (value.isEmpty()) {
                error(givenAt, "`" + spec.key() + "` input: required value has not been provided (" + file + ")");
                continue;
            }
            InputValue input = InputValue.of(value.get());
            if (check(spec.key(), definition, input, value.get().pos())) {
                values.put(spec.key(), input);
            }
        }
    }

    private boolean check(String name, YMap definition, InputValue input, SourcePos pos) {
        String type = definition.get("type").filter(t -> t instanceof YScalar).map(t -> ((YScalar) t).value()).orElse("string");
        if (!List.of("string", "number", "boolean", "array").contains(type)) {
            error(definition.get("type").orElseThrow().pos(), "`" + name + "` input: unknown input type `" + type + "`");
            return false;
        }
        if (!input.type().equals(type)) {
            error(pos, "`" + name + "` input: provided value is not " + (type.equals("array") ? "an " : "a ") + type);
            return false;
        }
        Optional<YNode> options = definition.get("options").filter(YSeq.class::isInstance);
        if (options.isPresent()) {
            List<Object> allowed = ((YSeq) options.get()).items().stream().map(o -> InputValue.of(o).value()).toList();
            List<?> chosen = input.value() instanceof List<?> list ? list : List.of(input.value());
            if (!allowed.containsAll(chosen)) {
                error(pos, "`" + name + "` input: `" + input.text() + "` cannot be used because it is not in the list of allowed options");
                return false;
            }
        }
        Optional<String> regex = definition.get("regex").filter(r -> r instanceof YScalar).map(r -> ((YScalar) r).value());
        if (regex.isPresent()) {
            var compiled = Re2Pattern.fromLiteral(regex.get().startsWith("/") ? regex.get() : "/" + regex.get() + "/");
            if (compiled.isEmpty() || !(compiled.get() instanceof Re2Pattern.Compiled.Valid valid)) {
                error(pos, "`" + name + "` input: invalid regular expression " + regex.get());
                return false;
            }
            if (!valid.pattern().find(input.text())) {
                error(pos, "`" + name + "` input: provided value does not match required RegEx pattern");
                return false;
            }
        }
        return true;
    }

    private YNode walk(YNode node) {
        return switch (node) {
            case YScalar s when s.isString() && BLOCK.matcher(s.value()).find() -> interpolate(s);
            case YSeq seq -> {
                List<YNode> items = new ArrayList<>();
                seq.items().forEach(i -> items.add(walk(i)));
                yield new YSeq(items, seq.pos());
            }
            case YMap map -> {
                Map<String, YMap.Entry> entries = new LinkedHashMap<>();
                for (YMap.Entry e : map.entries()) {
                    String key = BLOCK.matcher(e.key()).find() ? text(e.key(), e.keyPos()) : e.key();
                    entries.put(key, new YMap.Entry(key, e.keyPos(), walk(e.value())));
                }
                yield new YMap(entries, map.pos());
            }
            default -> node;
        };
    }

    private YNode interpolate(YScalar scalar) {
        Matcher whole = BLOCK.matcher(scalar.value());
        if (whole.matches()) {
            return evaluate(whole.group(1), scalar.pos()).map(v -> v.node(scalar.pos())).orElse(scalar);
        }
        return YScalar.string(text(scalar.value(), scalar.pos()), scalar.pos());
    }

    private String text(String value, SourcePos pos) {
        Matcher m = BLOCK.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = evaluate(m.group(1), pos).map(InputValue::text).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code inputs.NAME | function | ...}: at most three functions, GitLab's limit. */
    private Optional<InputValue> evaluate(String block, SourcePos pos) {
        String[] parts = block.split("\\|");
        Matcher access = ACCESS.matcher(parts[0].trim());
        if (!access.matches()) {
            error(pos, "invalid interpolation access pattern `" + parts[0].trim() + "` in " + file);
            return Optional.empty();
        }
        InputValue value = values.get(access.group(1));
        if (value == null) {
            error(pos, "unknown interpolation key: `" + access.group(1) + "` in " + file + DidYouMean.hint(access.group(1), values.keySet()));
            return Optional.empty();
        }
        if (parts.length - 1 > MAX_FUNCTIONS) {
            error(pos, "too many functions in interpolation block (at most " + MAX_FUNCTIONS + ") in " + file);
            return Optional.empty();
        }
        for (int i = 1; i < parts.length && value != null; i++) {
            value = InputFunctions.apply(parts[i].trim(), value, variables).orElse(null);
            if (value == null) {
                error(pos, "invalid interpolation function `" + parts[i].trim() + "` in " + file);
            }
        }
        return Optional.ofNullable(value);
    }
}
