package dev.sluice.executor;

import dev.sluice.model.Dotenv;
import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.JobVariable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Restores dependency archives before the script; collects and stores artifacts and reports after it. */
final class ArtifactStage {

    /** @param failure set when the job must fail because of the upload */
    record Upload(List<JobVariable> dotenv, Optional<RunFailure> failure) {
    }

    private final ArtifactStore store;
    private final Path projectDir;
    private final Path tmpDir;
    private final JobLog log;

    ArtifactStage(ArtifactStore store, Path projectDir, Path tmpDir, JobLog log) {
        this.store = store;
        this.projectDir = projectDir;
        this.tmpDir = tmpDir;
        this.log = log;
    }

    /** Returns false when an archive that should exist cannot be restored: the job then fails. */
    boolean download(List<ArtifactDownload> dependencies) {
        for (ArtifactDownload dep : dependencies) {
            if (!dep.hasArchive()) {
                continue;
            }
            log.info("Downloading artifacts for " + dep.jobName() + " (" + dep.jobId() + ")...");
            try {
                Optional<Path> archive = store.find(dep.jobId(), ArtifactStore.ARCHIVE);
                if (archive.isEmpty()) {
                    log.error("Downloading artifacts for " + dep.jobName() + " (" + dep.jobId() + "): not found");
                    return false;
                }
                Archives.extract(archive.get(), projectDir);
            } catch (IOException e) {
                log.error("Downloading artifacts for " + dep.jobName() + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    Upload upload(long jobId, ArtifactsSpec spec, boolean jobSucceeded) {
        try {
            if (spec.hasArchive() && spec.when().appliesTo(jobSucceeded)) {
                archive(jobId, spec);
            }
            return reports(jobId, spec);
        } catch (IOException e) {
            log.error("Uploading artifacts: " + e.getMessage());
            return new Upload(List.of(), Optional.of(RunFailure.RUNNER_SYSTEM_FAILURE));
        }
    }

    private void archive(long jobId, ArtifactsSpec spec) throws IOException {
        log.info("Uploading artifacts...");
        var files = FileCollector.collect(projectDir, spec.paths(), spec.exclude(), spec.untracked());
        files.warnings().forEach(log::warning);
        if (files.excluded() > 0) {
            log.info(files.excluded() + " excluded artifact files and directories");
        }
        if (files.isEmpty()) {
            log.error("No files to upload");
            return;
        }
        log.info("Found " + files.entries().size() + " matching artifact files and directories");
        store(jobId, ArtifactStore.ARCHIVE, files.entries());
        log.info("Uploading artifacts as \"archive\"... ok");
    }

    /** Reports go up whatever the job's result; a rejected dotenv report fails the job, as in GitLab. */
    private Upload reports(long jobId, ArtifactsSpec spec) throws IOException {
        var dotenv = new ArrayList<JobVariable>();
        Optional<RunFailure> failure = Optional.empty();
        for (var report : spec.reports()) {
            log.info("Uploading artifacts...");
            var files = FileCollector.collect(projectDir, report.paths(), List.of(), false);
            files.warnings().forEach(log::warning);
            if (files.isEmpty()) {
                log.error("No files to upload");
                continue;
            }
            store(jobId, report.type() + ".zip", files.entries());
            if (report.type().equals("dotenv")) {
                var parsed = Dotenv.parse(concat(files.entries()));
                if (!parsed.ok()) {
                    parsed.problems().forEach(p -> log.error("Uploading artifacts as \"dotenv\": " + p));
                    failure = Optional.of(RunFailure.SCRIPT_FAILURE);
                    continue;
                }
                dotenv.addAll(parsed.variables());
            }
            log.info("Uploading artifacts as \"" + report.type() + "\"... ok");
        }
        return new Upload(dotenv, failure);
    }

    private void store(long jobId, String fileName, List<String> entries) throws IOException {
        Path zip = Files.createTempFile(tmpDir, "artifacts", ".zip");
        try {
            Archives.create(projectDir, entries, zip);
            store.put(jobId, fileName, zip);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private byte[] concat(List<String> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        for (String entry : entries) {
            Path file = projectDir.resolve(entry);
            if (Files.isRegularFile(file)) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }
}
