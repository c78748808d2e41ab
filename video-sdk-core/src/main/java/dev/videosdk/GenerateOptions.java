package dev.videosdk;

/**
 * Per-call options for {@link VideoClient#generate(VideoRequest, GenerateOptions)} and
 * {@link VideoClient#await(VideoJob, GenerateOptions)}.
 *
 * @param listener         receives progress events; never null
 * @param polling          overrides the provider's polling policy, or null
 * @param refineUseCase    asks the client's prompt refiner to rewrite the prompt with this preset, or null for no refinement
 * @param refineInstructions extra instructions for the refiner, or null
 * @param refineFallback   if true, a refiner failure falls back to the original prompt instead of failing
 */
public record GenerateOptions(ProgressListener listener, PollingPolicy polling, PromptUseCase refineUseCase,
                              String refineInstructions, boolean refineFallback) {

    /** Replaces a null listener with one that does nothing. */
    public GenerateOptions {
        listener = listener == null ? ProgressListener.none() : listener;
    }

    /** No listener, provider polling, no refinement. */
    public static GenerateOptions defaults() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GenerateOptions}. */
    public static final class Builder {
        private ProgressListener listener;
        private PollingPolicy polling;
        private PromptUseCase refineUseCase;
        private String refineInstructions;
        private boolean refineFallback;

        private Builder() {
        }

        /** Receives progress events. Default: none. */
        public Builder onProgress(ProgressListener listener) {
            this.listener = listener;
            return this;
        }

        /** Polling policy for this call. Default: the provider's. */
        public Builder polling(PollingPolicy polling) {
            this.polling = polling;
            return this;
        }

        /** Refine the prompt with the client's refiner, using this preset and extra instructions (may be null). */
        public Builder refinePrompt(PromptUseCase useCase, String extraInstructions) {
            this.refineUseCase = useCase;
            this.refineInstructions = extraInstructions;
            return this;
        }

        /** On a refiner failure, send the original prompt instead of failing. Default: fail. */
        public Builder refineFallbackToOriginal(boolean fallback) {
            this.refineFallback = fallback;
            return this;
        }

        /** Builds the options. */
        public GenerateOptions build() {
            return new GenerateOptions(listener, polling, refineUseCase, refineInstructions, refineFallback);
        }
    }
}
