package dev.videosdk;

import java.util.List;

/**
 * The provider refused the prompt or an input, or filtered the output, for content-policy
 * reasons. Not retryable with the same input, and never a reason to fall back to another provider.
 */
public class ContentPolicyException extends VideoException {
    private static final long serialVersionUID = 1L;

    // transient like VideoException's context: a List is not Serializable by type (javac 21+ lint "serial")
    private final transient List<String> reasons;

    /** Creates the error with the provider's filter reasons (may be empty). */
    public ContentPolicyException(String message, List<String> reasons, ErrorContext context, Throwable cause) {
        super(message, context, false, cause);
        this.reasons = List.copyOf(reasons);
    }

    /** The provider's filter reasons, as it worded them. */
    public List<String> reasons() {
        return reasons == null ? List.of() : reasons;         // null only after deserialization
    }
}
