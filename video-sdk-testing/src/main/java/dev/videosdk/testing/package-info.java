/**
 * Test kit: {@link dev.videosdk.testing.FakeVideoProvider} (provider {@code fake}, in memory,
 * scriptable with {@link dev.videosdk.testing.FakeScript} and {@link dev.videosdk.testing.FakeErrors}; never
 * a default provider unless named) and {@link dev.videosdk.testing.VirtualTime} (a clock and scheduler that
 * skip waits). Add the module in test scope.
 */
package dev.videosdk.testing;
