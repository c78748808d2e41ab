/**
 * Provider {@code runway}: Runway's developer API (Gen-4.5, Gen-4 Turbo, Veo, Seedance, Aleph, …), polling
 * only. Per-request options in {@link dev.videosdk.runway.RunwayExtras}; programmatic setup and the credits a
 * job reports in {@link dev.videosdk.runway.Runway}; the organization's balance and limits in
 * {@link dev.videosdk.runway.RunwayOrganization}. Settings: the module README.
 */
package dev.videosdk.runway;
