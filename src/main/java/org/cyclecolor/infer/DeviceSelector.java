package org.cyclecolor.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.cyclecolor.UserException;

/**
 * Chooses the execution provider. Adding ONNX Runtime's CUDA provider extracts a ~580 MB native
 * library from the jar before it can fail, so the CUDA provider is tried only when an NVIDIA
 * driver is present, and at most once per process; the outcome is remembered.
 */
public final class DeviceSelector {

	/** The device used and the reason, in words a user understands. */
	public record Choice(Device device, String reason) {}

	/** Outcome of the one CUDA attempt of this process: null until tried, "" on success, else why it failed. */
	private static String cudaOutcome;

	private DeviceSelector() {}

	/** The choice for {@code requested} on this machine. */
	public static Choice choose(Device requested) {
		return choose(requested, nvidiaDriver(), DeviceSelector::tryCudaOnce);
	}

	/**
	 * The decision, with the machine's facts passed in (for tests).
	 *
	 * @param driver a description of the NVIDIA driver found, or null when there is none
	 * @param cudaAttempt tries the CUDA provider: "" on success, else the reason it failed
	 */
	static Choice choose(Device requested, String driver, Supplier<String> cudaAttempt) {
		if (requested == Device.CPU) return new Choice(Device.CPU, "CPU requested");
		if (driver == null) {
			if (requested == Device.CUDA) {
				throw new UserException("CUDA was requested but no NVIDIA driver was found on this machine; use device cpu or auto.");
			}
			return new Choice(Device.CPU, "CPU: no NVIDIA driver found (no /proc/driver/nvidia/version or libcuda.so.1)");
		}
		String failure = cudaAttempt.get();
		if (failure.isEmpty()) return new Choice(Device.CUDA, "CUDA execution provider (" + driver + ")");
		if (requested == Device.CUDA) {
			throw new UserException("CUDA was requested but ONNX Runtime's CUDA provider could not start (" + failure
				+ "); install CUDA 12 and cuDNN 9, or use device cpu or auto.");
		}
		return new Choice(Device.CPU, "CPU: the CUDA provider could not start (" + failure + ")");
	}

	/** A short description of the NVIDIA driver, or null when none is installed. */
	static String nvidiaDriver() {
		Path version = Paths.get("/proc/driver/nvidia/version");
		if (Files.isReadable(version)) {
			try {
				String first = Files.readAllLines(version).stream().findFirst().orElse("").trim();
				return "NVIDIA driver: " + (first.length() > 80 ? first.substring(0, 80) : first);
			}
			catch (IOException e) {
				return "NVIDIA driver present";
			}
		}
		for (Path dir : libraryDirs()) {
			if (Files.exists(dir.resolve("libcuda.so.1"))) return "libcuda.so.1 in " + dir;
		}
		return null;
	}

	private static List<Path> libraryDirs() {
		List<Path> dirs = new ArrayList<>();
		String ld = System.getenv("LD_LIBRARY_PATH");
		if (ld != null) {
			for (String s : ld.split(":")) if (!s.isEmpty()) dirs.add(Paths.get(s));
		}
		for (String s : new String[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib/wsl/lib", "/usr/local/cuda/lib64",
			"/usr/local/nvidia/lib64" }) {
			dirs.add(Paths.get(s));
		}
		return dirs;
	}

	private static synchronized String tryCudaOnce() {
		if (cudaOutcome == null) {
			try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
				o.addCUDA(0);
				cudaOutcome = "";
			}
			catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
				String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
				cudaOutcome = m.isEmpty() ? e.getClass().getSimpleName() : (m.length() > 200 ? m.substring(0, 200) + "..." : m);
			}
		}
		return cudaOutcome;
	}
}
