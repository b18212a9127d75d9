package dev.sluice.executor;

import dev.sluice.model.CacheSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restores caches before the script and saves them after it, following {@code policy} and {@code when}.
 * Caching is best effort: every problem is a warning and the job goes on.
 */
final class CacheStage {

    private final CacheStore store;
    private final Path projectDir;
    private final Path tmpDir;
    private final JobLog log;
    private final Optional<String> globalFallbackKey;

    /** @param globalFallbackKey {@code CACHE_FALLBACK_KEY}: tried after a cache's own fallback keys */
    CacheStage(CacheStore store, Path projectDir, Path tmpDir, JobLog log, Optional<String> globalFallbackKey) {
        this.store = store;
        this.projectDir = projectDir;
        this.tmpDir = tmpDir;
        this.log = log;
        this.globalFallbackKey = globalFallbackKey.filter(k -> !k.isEmpty());
    }

    void restore(List<CacheSpec> caches) {
        for (CacheSpec cache : caches) {
            if (cache.isEmpty()) {
                continue;
            }
            if (!cache.policy().pulls()) {
                log.info("Not downloading cache " + cache.key() + " due to policy");
                continue;
            }
            restoreOne(cache);
        }
    }

    private void restoreOne(CacheSpec cache) {
        var keys = new ArrayList<String>();
        keys.add(cache.key());
        keys.addAll(cache.fallbackKeys());
        globalFallbackKey.ifPresent(keys::add);
        for (String key : keys) {
            log.info("Checking cache for " + key + "...");
            try {
                Optional<Path> archive = store.find(key);
                if (archive.isPresent()) {
                    Archives.extract(archive.get(), projectDir);
                    log.info("Successfully extracted cache");
                    return;
                }
                log.warning("file does not exist");
            } catch (IOException | IllegalArgumentException e) {
                log.warning("cache " + key + ": " + e.getMessage());
            }
        }
        log.warning("Failed to extract cache");
    }

    void save(List<CacheSpec> caches, boolean jobSucceeded) {
        for (CacheSpec cache : caches) {
            if (cache.isEmpty() || !cache.when().appliesTo(jobSucceeded)) {
                continue;
            }
            if (!cache.policy().pushes()) {
                log.info("Not uploading cache " + cache.key() + " due to policy");
                continue;
            }
            saveOne(cache);
        }
    }

    private void saveOne(CacheSpec cache) {
        log.info("Creating cache " + cache.key() + "...");
        try {
            var files = FileCollector.collect(projectDir, cache.paths(), List.of(), cache.untracked());
            files.warnings().forEach(log::warning);
            if (files.isEmpty()) {
                log.warning("No files to cache: cache " + cache.key() + " not saved");
                return;
            }
            Path zip = Files.createTempFile(tmpDir, "cache", ".zip");
            try {
                Archives.create(projectDir, files.entries(), zip);
                store.put(cache.key(), zip);
            } finally {
                Files.deleteIfExists(zip);
            }
            log.info("Created cache");
        } catch (IOException | IllegalArgumentException e) {
            log.warning("Failed to create cache " + cache.key() + ": " + e.getMessage());
        }
    }
}
