package io.transferbench.data.scenes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.transferbench.data.images.ViewGeometry;

import java.util.List;

/**
 * What a task learns from a scene, seen through the view the model sees: the class mask
 * (segmentation) or the objects' boxes (detection). Both come from the same generated scene, so
 * the two tasks train and test on identical images.
 */
interface SceneTargets {

    /** The shape of one scene's target. */
    long[] shape();

    /** The targets of {@code scenes}, each through its view. */
    NDArray create(NDManager manager, List<Scene> scenes, List<ViewGeometry> views);
}
