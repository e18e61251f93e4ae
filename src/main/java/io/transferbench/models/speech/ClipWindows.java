package io.transferbench.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Cuts a clip's log-mel frames {@code [batch, frames, 32]} into the network's 76-frame windows,
 * one every {@code step} frames as openWakeWord slides them (step 8, 80 ms), giving
 * {@code [batch, windows, 1, 76, 32]}. Frames after the last whole window are not used; clips are
 * padded to at least one window before the front end ({@link #minimumFrames}).
 */
final class ClipWindows extends AbstractBlock {

    static final int WINDOW_FRAMES = 76;

    private final int step;

    ClipWindows(int step) {
        super((byte) 1);
        if (step < 1) {
            throw new IllegalArgumentException("window step must be >= 1, got " + step);
        }
        this.step = step;
    }

    static int minimumFrames() {
        return WINDOW_FRAMES;
    }

    /** Windows in a clip of {@code frames} frames (at least one window's worth). */
    static int count(long frames, int step) {
        if (frames < WINDOW_FRAMES) {
            throw new IllegalArgumentException("a clip of " + frames + " frames is shorter than one window of "
                    + WINDOW_FRAMES);
        }
        return (int) ((frames - WINDOW_FRAMES) / step + 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray frames = inputs.singletonOrThrow();
        int windows = count(frames.getShape().get(1), step);
        NDList slices = new NDList(windows);
        for (int w = 0; w < windows; w++) {
            int start = w * step;
            slices.add(frames.get(new NDIndex(":, {}:{}, :", start, start + WINDOW_FRAMES)));
        }
        NDArray stacked = windows == 1 ? slices.get(0).expandDims(1) : NDArrays.stack(slices, 1);
        return new NDList(stacked.expandDims(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), count(s.get(1), step), 1, WINDOW_FRAMES, s.get(2))};
    }
}
