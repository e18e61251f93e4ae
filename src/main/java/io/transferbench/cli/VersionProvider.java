package io.transferbench.cli;

import io.transferbench.HarnessVersion;
import picocli.CommandLine;

/** {@code --version}: the harness and the DJL it was built with. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String djl = ai.djl.engine.Engine.class.getPackage().getImplementationVersion();
        return new String[] {"TransferBench " + HarnessVersion.current(),
                "DJL " + (djl == null ? "0.36.0" : djl) + ", PyTorch engine (CPU natives bundled)"};
    }
}
