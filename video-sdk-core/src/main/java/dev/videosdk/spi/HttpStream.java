package dev.videosdk.spi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * A successful answer whose body is read as it arrives (server-sent events, long downloads).
 * Subscribe once to {@link #body()}; cancelling the subscription closes the connection.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param status       HTTP status (2xx)
 * @param headers      response headers (names lower case)
 * @param requestId    the provider's request id header, or null
 * @param credentialId label of the key used, or null
 * @param body         the body, chunk by chunk
 */
public record HttpStream(int status, Map<String, List<String>> headers, String requestId, String credentialId,
                         Flow.Publisher<List<ByteBuffer>> body) {
}
