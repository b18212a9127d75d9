package dev.sluice.server;

import dev.sluice.server.web.ProjectSettings;
import dev.sluice.server.web.Refused;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The settings page's edits, on the same stores and rules as the variables, protected branches and approvals REST APIs. */
final class WebSettings implements ProjectSettings {

    private final ProjectVariables variables;
    private final ProtectedRefs protectedRefs;
    private final MergeSettings mergeSettings;

    WebSettings(ProjectVariables variables, ProtectedRefs protectedRefs, MergeSettings mergeSettings) {
        this.variables = variables;
        this.protectedRefs = protectedRefs;
        this.mergeSettings = mergeSettings;
    }

    @Override
    public List<Variable> variables(long projectId) {
        return variables.of(projectId).stream().map(v -> new Variable(v.key(), v.masked() ? null : v.value(),
                v.isProtected(), v.masked(), v.environmentScope())).toList();
    }

    @Override
    public void saveVariable(long projectId, String oldKey, String oldScope, Variable edit) {
        var old = oldKey == null ? null : variables.of(projectId).stream()
                .filter(v -> v.key().equals(oldKey) && v.environmentScope().equals(oldScope)).findFirst()
                .orElseThrow(() -> new Refused("There is no variable " + oldKey + " in scope " + oldScope + " any more."));
        String value = old != null && (edit.value() == null || edit.value().isEmpty()) ? old.value()
                : edit.value() == null ? "" : edit.value();
        var v = new ProjectVariables.Variable(edit.key(), value, old == null ? "env_var" : old.variableType(), edit.isProtected(),
                edit.masked(), old != null && old.raw(), edit.scope() == null || edit.scope().isBlank() ? "*" : edit.scope().trim(),
                old == null ? null : old.description());
        var problems = VariableRules.problems(v);
        if (!problems.isEmpty()) {
            throw new Refused(describe(problems));
        }
        boolean saved = old == null ? variables.create(projectId, v) : variables.update(projectId, oldKey, oldScope, v);
        if (!saved) {
            throw new Refused("The project already has a variable " + v.key() + " in scope " + v.environmentScope() + ".");
        }
    }

    @Override
    public boolean deleteVariable(long projectId, String key, String scope) {
        return variables.delete(projectId, key, scope);
    }

    @Override
    public List<String> protectedBranches(long projectId) {
        return protectedRefs.names(projectId, ProtectedRefs.Kind.BRANCH);
    }

    @Override
    public void protectBranch(long projectId, String name) {
        if (name == null || name.isBlank()) {
            throw new Refused("Name the branch or pattern to protect.");
        }
        if (!protectedRefs.protect(projectId, ProtectedRefs.Kind.BRANCH, name.trim())) {
            throw new Refused(name.trim() + " is already protected.");
        }
    }

    @Override
    public boolean unprotectBranch(long projectId, String name) {
        return protectedRefs.unprotect(projectId, ProtectedRefs.Kind.BRANCH, name);
    }

    @Override
    public MergeRules mergeRules(long projectId) {
        var s = mergeSettings.of(projectId);
        return new MergeRules(Integer.toString(s.approvalsRequired()), s.approverLevel(), s.resetApprovalsOnPush(), s.mergeMethod(),
                s.avoidDuplicatePipelines());
    }

    @Override
    public void saveMergeRules(long projectId, MergeRules rules) {
        var changed = new MergeSettings.Settings(MergeSettings.Settings.count(rules.approvalsRequired()), rules.approverLevel(),
                rules.resetApprovalsOnPush(), rules.mergeMethod(), rules.avoidDuplicatePipelines());
        var problems = changed.problems();
        if (!problems.isEmpty()) {
            throw new Refused(String.join("; ", problems));
        }
        mergeSettings.save(projectId, changed);
    }

    /** "value: is invalid; key: can't be blank", with the field names as the form labels them. */
    private static String describe(Map<String, List<String>> problems) {
        return problems.entrySet().stream().map(e -> e.getKey().replace('_', ' ') + " " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
