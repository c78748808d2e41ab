package dev.videosdk.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the core lends a provider: its HTTP transport, scheduler, clock, JSON mapper and identity.
 * One per provider per client.
 */
public interface ProviderContext {
    /** The shared HTTP transport. */
    HttpTransport http();

    /** The shared scheduler, for timers (e.g. an idle timeout); never block on it. */
    ScheduledExecutorService scheduler();

    /** The client's clock (a virtual one in tests). */
    Clock clock();

    /** A preconfigured mapper that ignores unknown fields. Do not reconfigure it. */
    ObjectMapper json();

    /** The provider's configuration. */
    ProviderConfig config();

    /** The SDK's User-Agent value, e.g. {@code video-sdk-java/0.1.0}. */
    String userAgent();
}
