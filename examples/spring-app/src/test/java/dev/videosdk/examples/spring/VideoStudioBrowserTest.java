package dev.videosdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.VideoRequest;
import dev.videosdk.testing.FakeScript;
import dev.videosdk.testing.FakeVideoProvider;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seeds' page in a real headless Chromium: prompt and reference image → status polls → the video
 * in a player → download and copy-link; and the errors a person sees. Screenshots go to
 * {@code target/screenshots/}.
 */
@VideoServiceTestSetup
class VideoStudioBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    FakeVideoProvider fake;

    private WebDriverWait waiting;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openPage() {
        waiting = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
        browser.get("http://127.0.0.1:" + port + "/");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credits"), "Credits:"));
    }

    private Object js(String script) {
        return browser.executeScript(script);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static Path referenceImage() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.ORANGE);
        g.fillOval(16, 16, 32, 32);
        g.dispose();
        Path file = Files.createDirectories(Path.of("target")).resolve("reference.png").toAbsolutePath();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void promptAndImage_statusPolls_videoPlays_downloadAndCopyLink() throws Exception {
        browser.findElement(By.id("prompt")).sendKeys("A glass of orange juice on a sunny table, slow push-in");
        browser.findElement(By.id("images")).sendKeys(referenceImage().toString());
        assertThat(browser.findElements(By.cssSelector("#previews img"))).hasSize(1);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("duration"))).selectByValue("8");

        browser.findElement(By.id("start")).click();

        WebElement result = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        // the page polled the status endpoint and showed progress on the way
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) js("return window.videoStatusLog;");
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.get("status")).isEqualTo("running");
            assertThat((Number) s.get("progress")).isNotNull();
            assertThat(((Number) s.get("progress")).intValue()).isBetween(1, 99);
        });
        assertThat(seen.get(seen.size() - 1)).containsEntry("status", "succeeded");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Your video is ready");
        // the player loaded the video (the fake's 2-second H.264 clip)
        waiting.until(d -> ((Number) js("return document.getElementById('player').readyState;")).intValue() >= 2);
        waiting.until(d -> (Boolean) js("const p = document.getElementById('player'); return p.currentTime > 0 || p.ended;"));
        assertThat(((Number) js("return document.getElementById('player').duration;")).doubleValue()).isBetween(1.5, 2.5);
        // the thumbnail is the player's poster, a JPEG served by the service
        String poster = browser.findElement(By.id("player")).getAttribute("poster");
        assertThat(poster).matches("http://127\\.0\\.0\\.1:" + port + "/api/video/thumbnail/[0-9a-f-]{36}");
        HttpResponse<byte[]> jpeg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(poster)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(jpeg.body()).startsWith((byte) 0xFF, (byte) 0xD8);
        screenshot("video-ready.png");

        // the reference image reached the provider with the prompt and duration
        VideoRequest sent = fake.requests().get(fake.requests().size() - 1);
        assertThat(sent.prompt()).startsWith("A glass of orange juice");
        assertThat(sent.images()).hasSize(1);
        assertThat(sent.durationSeconds()).contains(8);

        // download: the same bytes as the provider's video, as an attachment
        String href = result.findElement(By.id("download")).getAttribute("href");
        assertThat(href).endsWith("?download=1");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(file.body()).isEqualTo(FakeVideoProvider.sampleVideo());

        // copy link: the absolute URL of the video
        browser.findElement(By.id("copy")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("copied")));
        assertThat((String) js("return window.lastCopiedLink;"))
                .isEqualTo(href.substring(0, href.length() - "?download=1".length()))
                .matches("http://127\\.0\\.0\\.1:" + port + "/api/video/file/[0-9a-f-]{36}");
    }

    @Test
    void generationRefused_errorInWords_creditsRefunded() throws Exception {
        // refused when it is sent: the queue refunds the reservation (ADR 1003)
        fake.enqueue(FakeScript.rejectSubmit(new ContentPolicyException("prompt flagged", List.of("violence"),
                ErrorContext.of("fake", 400, "content_policy", "req-1"), null)));
        String before = browser.findElement(By.id("credits")).getText();
        browser.findElement(By.id("prompt")).sendKeys("Something the provider refuses");

        browser.findElement(By.id("start")).click();

        WebElement error = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isEqualTo(
                "The video service refused this prompt or image for content reasons. Please change it and try again.");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credits"), before));
        screenshot("video-refused.png");
    }

    @Test
    void nothingToGenerate_pageSaysWhatToDo_nothingSent() {
        int sent = fake.requests().size();

        browser.findElement(By.id("start")).click();

        WebElement error = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isEqualTo("Please describe the video or upload a reference image.");
        assertThat(fake.requests()).hasSize(sent);
    }
}
