package dev.videosdk.examples.spring;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;

/** Errors in words a person understands (the page shows these). */
final class Messages {
    private Messages() {
    }

    static String forUser(Throwable error) {
        if (error instanceof ContentPolicyException) {
            return "The video service refused this prompt or image for content reasons. Please change it and try again.";
        }
        if (error instanceof InvalidRequestException) {
            return "This request cannot be made: " + error.getMessage();
        }
        if (error instanceof GenerationTimeoutException) {
            return "The video is taking longer than expected. It may still finish; please check again later.";
        }
        if (error instanceof RateLimitException || error instanceof ProviderUnavailableException) {
            return "The video service is busy right now. Please try again in a few minutes.";
        }
        if (error instanceof QuotaExceededException) {
            return "The video service account has run out of credits. Please tell the site's operator.";
        }
        if (error instanceof AuthenticationException || error instanceof PermissionDeniedException
                || error instanceof ConfigurationException) {
            return "This server is not set up correctly for the chosen video service. Please tell the site's operator.";
        }
        if (error instanceof GenerationFailedException) {
            return "The video could not be made: " + error.getMessage();
        }
        return "Something went wrong while making the video. Please try again.";
    }
}
