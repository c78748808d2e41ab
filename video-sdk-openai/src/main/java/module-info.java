/** Video SDK provider module {@code dev.videosdk.openai}: public options in {@code dev.videosdk.openai}; the provider itself is not exported. */
module dev.videosdk.openai {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.openai;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.openai.internal.OpenAiProviderFactory;
}
