package io.transferbench.run;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeAllocatorTest {

    @Test
    void workersGetEveryTunableUnlessTheUserSetItFirst() {
        Map<String, String> workers = WorkerProtocol.environment(2);
        NativeAllocator.TUNABLES.forEach((name, value) ->
                assertEquals(System.getenv().getOrDefault(name, value), workers.get(name), name));
        assertEquals(NativeAllocator.environment(), NativeAllocator.effective(true));
    }
}
