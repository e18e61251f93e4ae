/**
 * Grids on a cluster: a grid's chunks as a Slurm job array ({@link io.transferbench.cluster.SbatchScript},
 * {@link io.transferbench.cluster.Sbatch}) or a Kubernetes Indexed Job
 * ({@link io.transferbench.cluster.IndexedJobManifest}). Each task is an ordinary {@code bench --array-task I}
 * run into one shared run directory; nothing here trains.
 */
package io.transferbench.cluster;
