package dev.videosdk;

import java.util.concurrent.CompletableFuture;

/**
 * Rewrites a user's prompt into one that works better for video generation, optionally after
 * describing reference images. The OpenAI module ships one; {@link #identity()} keeps prompts as
 * they are. Set it with {@link VideoClient.Builder#promptRefiner(PromptRefiner)} and ask for it per
 * request with {@link GenerateOptions.Builder#refinePrompt(PromptUseCase, String)}.
 */
@FunctionalInterface
public interface PromptRefiner {
    /** Refines the prompt; the future fails with a {@link VideoException} if the refiner cannot. */
    CompletableFuture<RefinedPrompt> refine(RefinementRequest request);

    /** A refiner that returns every prompt unchanged. */
    static PromptRefiner identity() {
        return request -> CompletableFuture.completedFuture(RefinedPrompt.unchanged(request.prompt()));
    }
}
