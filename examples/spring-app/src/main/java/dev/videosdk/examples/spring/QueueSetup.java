package dev.videosdk.examples.spring;

import dev.videosdk.jobs.Pricing;
import dev.videosdk.media.Ffmpeg;
import dev.videosdk.media.VideoStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the example adds to the starter's queue: the price of a generation (the starter's queue takes a
 * {@link Pricing} bean) and the {@code media} post-processing step (it takes {@code PostProcessingStep} beans).
 */
@Configuration(proxyBeanMethods = false)
class QueueSetup {

    @Bean
    Pricing pricing(AppSettings settings) {
        return Pricing.flat(settings.creditsPerGeneration());
    }

    @Bean
    MediaStep mediaStep(ObjectProvider<Ffmpeg> ffmpeg, VideoStorage storage) {
        return new MediaStep(ffmpeg, storage);
    }
}
