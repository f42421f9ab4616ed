package org.cyclecolor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.cyclecolor.UserException;

class DeviceSelectorTest {

	private final AtomicInteger attempts = new AtomicInteger();

	private Supplier<String> attempt(String outcome) {
		return () -> {
			attempts.incrementAndGet();
			return outcome;
		};
	}

	@Test
	void cpuRequestedNeverTriesCuda() {
		DeviceSelector.Choice c = DeviceSelector.choose(Device.CPU, "NVIDIA driver 550", attempt(""));
		assertEquals(Device.CPU, c.device());
		assertEquals(0, attempts.get());
	}

	@Test
	void withoutDriverAutoUsesTheCpuAndNeverExtractsTheCudaLibrary() {
		DeviceSelector.Choice c = DeviceSelector.choose(Device.AUTO, null, attempt(""));
		assertEquals(Device.CPU, c.device());
		assertTrue(c.reason().contains("no NVIDIA driver"), c.reason());
		assertEquals(0, attempts.get());
	}

	@Test
	void cudaRequestedWithoutDriverIsAClearError() {
		UserException e = assertThrows(UserException.class, () -> DeviceSelector.choose(Device.CUDA, null, attempt("")));
		assertTrue(e.getMessage().contains("no NVIDIA driver") && e.getMessage().contains("cpu"), e.getMessage());
	}

	@Test
	void driverPresentTriesCudaAndFallsBackWithTheReason() {
		DeviceSelector.Choice ok = DeviceSelector.choose(Device.AUTO, "NVIDIA driver 550", attempt(""));
		assertEquals(Device.CUDA, ok.device());
		DeviceSelector.Choice failed = DeviceSelector.choose(Device.AUTO, "NVIDIA driver 550", attempt("libcublasLt.so.12: not found"));
		assertEquals(Device.CPU, failed.device());
		assertTrue(failed.reason().contains("libcublasLt"), failed.reason());
		UserException e = assertThrows(UserException.class,
			() -> DeviceSelector.choose(Device.CUDA, "NVIDIA driver 550", attempt("libcublasLt.so.12: not found")));
		assertTrue(e.getMessage().contains("install CUDA 12 and cuDNN 9"), e.getMessage());
	}

	@Test
	void thisMachineHasNoGpuSoAutoChoosesTheCpu() {
		// The build machine has no NVIDIA driver; the real probe must say so without trying CUDA.
		assumeTrue(DeviceSelector.nvidiaDriver() == null, "an NVIDIA driver is installed here");
		DeviceSelector.Choice c = DeviceSelector.choose(Device.AUTO);
		assertEquals(Device.CPU, c.device());
		assertThrows(UserException.class, () -> DeviceSelector.choose(Device.CUDA));
	}
}
