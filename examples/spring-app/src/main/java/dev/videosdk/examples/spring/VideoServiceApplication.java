package dev.videosdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The seeds' video service on the Spring Boot starter: a REST API (create, status, webhook, queue
 * status, credits) and one web page. Runs on the fake provider unless {@code VIDEO_PROVIDER} and a
 * provider's keys are set. Start it with {@code mvn -pl examples/spring-app -am spring-boot:run} or
 * see the example's README.
 */
@SpringBootApplication
@EnableConfigurationProperties(AppSettings.class)
public class VideoServiceApplication {
    /** Starts the service. */
    public static void main(String[] args) {
        SpringApplication.run(VideoServiceApplication.class, args);
    }
}
