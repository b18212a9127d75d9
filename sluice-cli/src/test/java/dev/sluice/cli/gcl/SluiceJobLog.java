package dev.sluice.cli.gcl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines a job printed, from Sluice's raw job log: only what the script sections
 * ({@code step_script}, {@code after_script}) hold, as {@code $ cmd} for the echoed commands
 * (gitlab-runner's green {@code $ } prefix) and {@code > line} for output; section headers,
 * runner messages and ANSI colours are dropped.
 */
final class SluiceJobLog {

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");
    private static final Pattern SECTION = Pattern.compile("section_(start|end):\\d+:([A-Za-z0-9_]+)(\\[[^\\]]*])?\r?(\u001b\\[0K)?");
    private static final java.util.Set<String> RUNNER_SECTIONS = java.util.Arrays.stream(dev.sluice.executor.BuildStage.values())
            .map(dev.sluice.executor.BuildStage::id).collect(java.util.stream.Collectors.toSet());
    private static final java.util.Set<String> SCRIPT_SECTIONS = java.util.Set.of("step_script", "after_script");
    private static final String ECHO = "\u001b[32;1m$ ";

    private SluiceJobLog() {
    }

    static List<String> scriptLines(String log) {
        List<String> out = new ArrayList<>();
        boolean inScript = false;
        for (String raw : log.split("\n", -1)) {
            if (inScript && raw.startsWith(ECHO)) { // an echoed command may itself mention a section marker
                out.add(ANSI.matcher(raw).replaceAll("").replace("\r", ""));
                continue;
            }
            var m = SECTION.matcher(raw);
            boolean marker = false;
            while (m.find()) {
                marker = true;
                if (RUNNER_SECTIONS.contains(m.group(2))) {
                    inScript = m.group(1).equals("start") && SCRIPT_SECTIONS.contains(m.group(2));
                }
            }
            // a runner section's header, or a section the script printed (gitlab-ci-local shows neither as output)
            if (marker || !inScript) {
                continue;
            }
            String text = ANSI.matcher(raw).replaceAll("").replace("\r", "");
            out.add("> " + text);
        }
        return out;
    }

}
