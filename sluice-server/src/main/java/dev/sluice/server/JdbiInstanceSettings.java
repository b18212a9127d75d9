package dev.sluice.server;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Portable where MERGE and ON CONFLICT are not: update or insert, and when another node inserted first, the other. */
final class JdbiInstanceSettings implements InstanceSettings {

    private final Jdbi jdbi;

    JdbiInstanceSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("select setting_value from instance_settings where setting_name = ?").bind(0, name)
                .mapTo(String.class).findOne());
    }

    @Override
    public void put(String name, String value) {
        if (update(name, value) == 0 && !insert(name, value) && update(name, value) == 0) {
            throw new IllegalStateException("cannot store the setting " + name);
        }
    }

    @Override
    public String putIfAbsent(String name, String value) {
        insert(name, value);
        return get(name).orElseThrow(() -> new IllegalStateException("cannot store the setting " + name));
    }

    private int update(String name, String value) {
        return jdbi.withHandle(h -> h.createUpdate("update instance_settings set setting_value = ? where setting_name = ?")
                .bind(0, value).bind(1, name).execute());
    }

    /** False when the setting exists already (another node's insert won). */
    private boolean insert(String name, String value) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into instance_settings (setting_name, setting_value) values (?, ?)")
                    .bind(0, name).bind(1, value).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            return false;
        }
    }
}
