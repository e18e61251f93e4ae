package io.transferbench.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How many backbone stages, counted from the input side, stay fixed. {@code all} is a linear
 * probe (only the head trains); 0 is full fine-tuning.
 */
public record FreezeDepth(boolean all, int stages) {

    public static final FreezeDepth ALL = new FreezeDepth(true, 0);
    public static final FreezeDepth NONE = new FreezeDepth(false, 0);

    public static FreezeDepth of(int stages) {
        return new FreezeDepth(false, stages);
    }

    @JsonCreator
    public static FreezeDepth parse(Object value) {
        if ("all".equals(value)) {
            return ALL;
        }
        return of(Integer.parseInt(value.toString()));
    }

    /** The number of frozen stages for a backbone of {@code stageCount} stages. */
    public int frozenStages(int stageCount) {
        return all ? stageCount : Math.min(stages, stageCount);
    }

    @JsonValue
    @Override
    public String toString() {
        return all ? "all" : Integer.toString(stages);
    }
}
