package io.transferbench.weights;

import io.transferbench.BenchException;

/** Weights that cannot be read or do not fit the model they are loaded into. */
public class WeightImportException extends BenchException {

    public WeightImportException(String message) {
        super(EXIT_ASSET, message);
    }

    public WeightImportException(String message, Throwable cause) {
        super(EXIT_ASSET, message, cause);
    }
}
