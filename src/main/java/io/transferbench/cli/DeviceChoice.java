package io.transferbench.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.transferbench.BenchException;

/** {@code --device}: where cells train. */
enum DeviceChoice {
    auto, cpu, gpu;

    Device resolve() {
        Engine engine = Engine.getInstance();
        return switch (this) {
            case cpu -> Device.cpu();
            case auto -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case gpu -> {
                if (engine.getGpuCount() == 0) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT,
                            "--device gpu: PyTorch sees no GPU on this machine (" + engine.getEngineName() + " "
                                    + engine.getVersion() + "); use --device cpu or auto");
                }
                yield Device.gpu();
            }
        };
    }
}
