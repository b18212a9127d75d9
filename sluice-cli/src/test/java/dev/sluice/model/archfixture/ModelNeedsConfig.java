package dev.sluice.model.archfixture;

import dev.sluice.config.CompileResult;

/** Breaks an arrow on purpose (model may depend on nothing), to prove ModuleArrowsTest notices; test sources only. */
public final class ModelNeedsConfig {

    private ModelNeedsConfig() {
    }

    public static boolean valid(CompileResult result) {
        return result.valid();
    }
}
