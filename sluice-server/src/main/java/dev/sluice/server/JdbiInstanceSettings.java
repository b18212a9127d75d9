package dev.sluice.server;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

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

    /** Update, else insert: portable where MERGE and ON CONFLICT are not. */
    @Override
    public void put(String name, String value) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("update instance_settings set setting_value = ? where setting_name = ?").bind(0, value).bind(1, name).execute() == 0) {
                h.createUpdate("insert into instance_settings (setting_name, setting_value) values (?, ?)").bind(0, name).bind(1, value).execute();
            }
        });
    }
}
