package dev.sluice.server;

import java.util.Optional;

/** Instance-wide settings by name, kept in the store so a change survives a restart and reaches every node. */
interface InstanceSettings {

    Optional<String> get(String name);

    /** Sets the value, adding the setting when it is new. */
    void put(String name, String value);

    /** Adds the setting unless it exists (another node may have added it just now); the value it has then. */
    String putIfAbsent(String name, String value);
}
