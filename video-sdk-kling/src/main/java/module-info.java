/** Video SDK provider module {@code dev.videosdk.kling}: public options in {@code dev.videosdk.kling}; the provider itself is not exported. */
module dev.videosdk.kling {
    requires transitive dev.videosdk;
    requires org.slf4j;
    requires com.auth0.jwt;
    requires java.desktop; // javax.imageio reads the size of an input image (Kling checks its limits before sending)

    exports dev.videosdk.kling;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.kling.internal.KlingProviderFactory;
}
