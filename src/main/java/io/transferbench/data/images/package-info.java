/**
 * Image datasets. Readers collect labelled {@link io.transferbench.data.images.RasterImage}s;
 * {@link io.transferbench.data.images.ImageDataset} turns them into stratified, leak-free splits
 * whose batches are RGB float32 {@code [n, 3, S, S]} with values 0..255, the contract every image
 * model family takes (each scales inputs as its own weights expect). Training batches are random
 * views ({@link io.transferbench.data.images.Augmentation}) when a suite asks for augmentation.
 */
package io.transferbench.data.images;
