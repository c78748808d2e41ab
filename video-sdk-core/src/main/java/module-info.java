/**
 * Video SDK core: the public API ({@code dev.videosdk}), the provider SPI ({@code dev.videosdk.spi})
 * and the engine (not exported). Providers are found with {@link java.util.ServiceLoader}.
 *
 * <p>{@code requires transitive}: the SPI hands providers Jackson trees and mappers, and the
 * builder accepts a {@link java.net.http.HttpClient}, so a consumer reads both without requiring them.
 *
 * <p>{@code "module"} warnings are suppressed because the modules named in the qualified export are
 * built after this one, so javac cannot see them here.
 */
@SuppressWarnings("module")
module dev.videosdk {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.videosdk;
    exports dev.videosdk.spi;
    // the shared JSON mapper and the User-Agent, for provider modules of this project only (not API)
    exports dev.videosdk.internal to dev.videosdk.openai, dev.videosdk.kling, dev.videosdk.runway, dev.videosdk.fal;
    // the manual clock and scheduler under VirtualTime
    exports dev.videosdk.internal.time to dev.videosdk.testing;

    uses dev.videosdk.spi.VideoProviderFactory;
}
