package dev.videosdk.openai;

import dev.videosdk.ErrorContext;
import dev.videosdk.NotFoundException;

/**
 * api.openai.com no longer serves the Videos API or the requested Sora 2 model: OpenAI shut both
 * down on {@link OpenAiModels#SHUTDOWN_DATE}. Use another provider, or point {@code OPENAI_BASE_URL}
 * at a gateway that serves the {@code /v1/videos} format.
 */
public class OpenAiModelRetiredException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public OpenAiModelRetiredException(String message, ErrorContext context) {
        super(message, context, null);
    }
}
