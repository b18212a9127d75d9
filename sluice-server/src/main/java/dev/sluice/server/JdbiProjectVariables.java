package dev.sluice.server;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

final class JdbiProjectVariables implements ProjectVariables {

    private final Jdbi jdbi;

    JdbiProjectVariables(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Variable> of(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("select var_key, var_value, variable_type, protected, masked, raw,"
                        + " environment_scope, description from project_variables where project_id = ? order by id")
                .bind(0, projectId)
                .map((rs, ctx) -> new Variable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
                .list());
    }

    @Override
    public boolean create(long projectId, Variable v) {
        return unlessDuplicate(() -> jdbi.withHandle(h -> h.createUpdate("insert into project_variables (project_id, var_key,"
                        + " var_value, variable_type, protected, masked, raw, environment_scope, description)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, projectId).bind(1, v.key()).bind(2, v.value()).bind(3, v.variableType()).bind(4, v.isProtected())
                .bind(5, v.masked()).bind(6, v.raw()).bind(7, v.environmentScope()).bind(8, v.description())
                .execute()) == 1);
    }

    @Override
    public boolean update(long projectId, String key, String scope, Variable v) {
        return unlessDuplicate(() -> jdbi.withHandle(h -> h.createUpdate("update project_variables set var_key = ?,"
                        + " var_value = ?, variable_type = ?, protected = ?, masked = ?, raw = ?, environment_scope = ?,"
                        + " description = ? where project_id = ? and var_key = ? and environment_scope = ?")
                .bind(0, v.key()).bind(1, v.value()).bind(2, v.variableType()).bind(3, v.isProtected()).bind(4, v.masked())
                .bind(5, v.raw()).bind(6, v.environmentScope()).bind(7, v.description())
                .bind(8, projectId).bind(9, key).bind(10, scope)
                .execute()) == 1);
    }

    @Override
    public boolean delete(long projectId, String key, String scope) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "delete from project_variables where project_id = ? and var_key = ? and environment_scope = ?")
                .bind(0, projectId).bind(1, key).bind(2, scope).execute()) == 1;
    }

    /** A unique-key violation (SQL state 23505, H2 and PostgreSQL alike) means "already taken". */
    static boolean unlessDuplicate(java.util.function.BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
