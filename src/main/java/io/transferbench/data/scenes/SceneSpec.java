package io.transferbench.data.scenes;

/**
 * What scenes look like.
 *
 * @param size side S of the square scene in pixels
 * @param minObjects fewest objects pasted into one scene
 * @param maxObjects most objects pasted into one scene
 * @param minScale smallest longer side of a pasted object, as a fraction of S
 * @param maxScale largest longer side of a pasted object, as a fraction of S
 * @param minVisible the fraction of an object's pasted pixels that must stay visible (in the frame
 *        and not covered by later objects) for it to count as an object; hidden-away objects
 *        below it are not listed and their remaining pixels are ignored in the mask
 * @param ignoreBand pixels within this distance (Chebyshev) of a pixel of another class are
 *        marked ignore, as in Pascal VOC, because cut-out edges are uncertain; 0 for none
 */
public record SceneSpec(int size, int minObjects, int maxObjects, double minScale, double maxScale,
        double minVisible, int ignoreBand) {

    public SceneSpec {
        if (size < 8 || minObjects < 0 || maxObjects < minObjects || !(minScale > 0) || maxScale < minScale
                || maxScale > 2 || !(minVisible >= 0 && minVisible <= 1) || ignoreBand < 0) {
            throw new IllegalArgumentException("invalid scene spec " + this + ": need size >= 8,"
                    + " 0 <= minObjects <= maxObjects, 0 < minScale <= maxScale <= 2, minVisible in [0, 1],"
                    + " ignoreBand >= 0");
        }
    }
}
