package org.vaetexture.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import org.bytedeco.javacpp.Loader;

/**
 * Picks OpenBLAS's matrix-product kernel from the CPU's features. ND4J's OpenBLAS (0.3.19) predates
 * recent x86-64 CPUs and takes them for old ones: an AMD Zen 4 for "Barcelona", an Intel Sapphire
 * Rapids for "Prescott", SSE kernels at a third to a quarter of what the CPU does. OpenBLAS reads
 * its kernel from the environment variable {@value #VARIABLE} once, when it loads, so before ND4J
 * starts this sets that variable in the process's own environment (through the C library) to
 * "SkylakeX" on CPUs with AVX-512 (F, BW, DQ, VL) and to "Haswell" on CPUs with AVX2 and FMA; a
 * value the user set is kept, and other CPUs (ARM, older x86) are left to OpenBLAS. Read from
 * /proc/cpuinfo on Linux, sysctl on macOS; on Windows the variable is left alone.
 */
public final class BlasKernel {

	/** The variable OpenBLAS reads its kernel from. */
	public static final String VARIABLE = "OPENBLAS_CORETYPE";

	private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl");
	private static final Set<String> AVX2 = Set.of("avx2", "fma");

	private BlasKernel() {}

	/** The kernel for a CPU with these feature flags (lower case), or null to let OpenBLAS choose. */
	static String forFeatures(final Set<String> flags) {
		if (flags.containsAll(AVX512)) return "SkylakeX";
		if (flags.containsAll(AVX2)) return "Haswell";
		return null;
	}

	/**
	 * Sets {@value #VARIABLE} for this process unless it is set or the CPU is not recognised; must run
	 * before OpenBLAS loads, so before ND4J starts.
	 *
	 * @return the kernel set, or null if none was
	 */
	static String choose() {
		if (System.getenv(VARIABLE) != null) return null;
		final String kernel = forFeatures(cpuFlags());
		if (kernel == null) return null;
		try {
			if (Native.load("c", CLibrary.class).setenv(VARIABLE, kernel, 0) != 0) return null;
		}
		catch (final LinkageError | RuntimeException e) {
			return null; // no C library to call (Windows): OpenBLAS chooses
		}
		return kernel;
	}

	/**
	 * The kernel OpenBLAS runs, as it names it ("SkylakeX", "Haswell", ...), once ND4J has started;
	 * "unknown" where OpenBLAS cannot be asked.
	 */
	public static String inUse() {
		Backend.start();
		try {
			for (final Map.Entry<String, String> lib : Loader.getLoadedLibraries().entrySet())
				if (lib.getValue() != null && lib.getValue().contains("libopenblas")) {
					final Function corename = NativeLibrary.getInstance(lib.getValue()).getFunction(
						"openblas_get_corename");
					return corename.invokeString(new Object[0], false).trim();
				}
		}
		catch (final LinkageError | RuntimeException e) {
			// not OpenBLAS, or not to be asked
		}
		return "unknown";
	}

	/** The CPU's feature flags, lower case; empty where they cannot be read. */
	static Set<String> cpuFlags() {
		final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		try {
			if (os.contains("linux")) {
				for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"),
					StandardCharsets.UTF_8))
					if (line.startsWith("flags")) return words(line.substring(line.indexOf(':') + 1));
			}
			else if (os.contains("mac")) {
				final Process p = new ProcessBuilder("sysctl", "-n", "machdep.cpu.features",
					"machdep.cpu.leaf7_features").redirectErrorStream(true).start();
				final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (p.waitFor() == 0) return words(out);
			}
		}
		catch (final IOException | RuntimeException e) {
			// unreadable: no flags, OpenBLAS chooses
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return Set.of();
	}

	private static Set<String> words(final String text) {
		return new HashSet<>(Arrays.asList(text.trim().toLowerCase(Locale.ROOT).split("\\s+")));
	}

	/** The C library's setenv. */
	private interface CLibrary extends Library {

		int setenv(String name, String value, int overwrite);
	}
}
