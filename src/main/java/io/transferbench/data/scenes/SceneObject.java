package io.transferbench.data.scenes;

/**
 * An object as it is seen in a scene: its box covers only its visible pixels, so a detector is
 * never asked to find what later objects or the frame hide.
 *
 * @param category the cut-out's category (the mask shows {@code 1 + category})
 * @param x0 leftmost visible column
 * @param y0 topmost visible row
 * @param x1 one past the rightmost visible column
 * @param y1 one past the lowest visible row
 * @param visiblePixels pixels of the object left in the mask
 * @param pastedPixels pixels the object covered when pasted, inside the frame or not
 */
public record SceneObject(int category, int x0, int y0, int x1, int y1, int visiblePixels, int pastedPixels) {

    public double visibleFraction() {
        return (double) visiblePixels / pastedPixels;
    }
}
