package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.transferbench.weights.NamedTensor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of the values of some blocks' parameters (BatchNorm statistics included), taken by
 * parameter name so it can be put into another instance of the same architecture: the pretrained
 * backbone shared by all cells of a run, or a cell's best-on-validation checkpoint.
 */
public final class WeightSnapshot implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> values;
    private final Map<String, NamedTensor> head;
    private String digest;

    private WeightSnapshot(NDManager manager, Map<String, NDArray> values, Map<String, NamedTensor> head) {
        this.manager = manager;
        this.values = values;
        this.head = head;
    }

    /**
     * This snapshot with pretrained weights for parts of a task's head (a detector's box
     * predictors), which a head that has such parts adopts ({@link io.transferbench.tasks.PretrainedHeadParts}).
     * They are not part of {@link #digest}: frozen-stage features do not depend on them.
     */
    public WeightSnapshot withHead(Map<String, NamedTensor> headTensors) {
        return new WeightSnapshot(manager, values, Map.copyOf(headTensors));
    }

    /** The head parts the source network had, by the names {@code ModelFamily#pretrainedHeadTensors} gives. */
    public Map<String, NamedTensor> head() {
        return head;
    }

    /** Copies the parameters of {@code blocks}, keyed by block position and parameter name. */
    public static WeightSnapshot of(List<Block> blocks, NDManager parent) {
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> values = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            for (Pair<String, Parameter> p : blocks.get(i).getParameters()) {
                NDArray copy = p.getValue().getArray().duplicate();
                copy.attach(manager);
                values.put(i + "/" + p.getKey(), copy);
            }
        }
        return new WeightSnapshot(manager, values, Map.of());
    }

    /** Writes the values back into blocks of the same architecture; every parameter must match. */
    public void restore(List<Block> blocks) {
        int restored = 0;
        for (int i = 0; i < blocks.size(); i++) {
            for (Pair<String, Parameter> p : blocks.get(i).getParameters()) {
                String key = i + "/" + p.getKey();
                NDArray saved = values.get(key);
                NDArray target = p.getValue().getArray();
                if (saved == null || !saved.getShape().equals(target.getShape())) {
                    throw new IllegalStateException("snapshot does not fit parameter " + key + ": has "
                            + (saved == null ? "nothing" : saved.getShape()) + ", needs " + target.getShape());
                }
                saved.copyTo(target);
                restored++;
            }
        }
        if (restored != values.size()) {
            throw new IllegalStateException("snapshot has " + values.size() + " parameters, restored " + restored);
        }
    }

    /**
     * The sha256 of every value with its name, shape and type: equal digests, equal weights. The
     * on-disk feature cache is keyed by it, so features never outlive the weights that made them.
     */
    public synchronized String digest() {
        if (digest == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Map.Entry<String, NDArray> e : values.entrySet()) {
                    NDArray v = e.getValue();
                    sha.update((e.getKey() + " " + v.getShape() + " " + v.getDataType() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    sha.update(v.toByteArray());
                }
                digest = HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return digest;
    }

    @Override
    public void close() {
        manager.close();
    }
}
