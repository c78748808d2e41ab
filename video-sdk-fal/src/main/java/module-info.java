/** Video SDK provider module {@code dev.videosdk.fal}: providers {@code fal} and {@code pika}; public options in {@code dev.videosdk.fal}. */
module dev.videosdk.fal {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.fal;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.fal.internal.FalProviderFactory,
            dev.videosdk.fal.internal.PikaProviderFactory;
}
