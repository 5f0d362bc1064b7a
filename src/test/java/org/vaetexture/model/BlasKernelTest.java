package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The OpenBLAS kernel follows the CPU: in a fresh JVM (as a Fiji user's, without the variable)
 * OpenBLAS runs the kernel chosen from the CPU's flags; a kernel the user set is kept.
 */
class BlasKernelTest {

	@Test
	void avx512PicksSkylakeXAndAvx2PicksHaswell() {
		assertEquals("SkylakeX", BlasKernel.forFeatures(Set.of("fma", "avx2", "avx512f", "avx512bw",
			"avx512dq", "avx512vl")));
		assertEquals("Haswell", BlasKernel.forFeatures(Set.of("fma", "avx2", "avx512f")));
		assertNull(BlasKernel.forFeatures(Set.of("sse4_2", "avx")));
		assertNull(BlasKernel.forFeatures(Set.of()));
	}

	@Test
	void aFreshJvmRunsTheKernelForThisCpu() throws Exception {
		final String expected = BlasKernel.forFeatures(BlasKernel.cpuFlags());
		assumeTrue(expected != null, "a CPU without AVX2 (or flags that cannot be read)");
		assertEquals(expected.toLowerCase(Locale.ROOT), kernelInFreshJvm(null));
	}

	@Test
	void aKernelTheUserSetIsKept() throws Exception {
		assumeTrue(BlasKernel.forFeatures(BlasKernel.cpuFlags()) != null, "a CPU without AVX2");
		assertEquals("prescott", kernelInFreshJvm("Prescott"));
	}

	/** What {@link BlasKernel#inUse()} says in a new JVM whose environment has the given kernel. */
	private static String kernelInFreshJvm(final String variable) throws IOException,
		InterruptedException
	{
		final String classPath = System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path"));
		final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "-cp", classPath, Probe.class.getName());
		final Map<String, String> env = builder.environment();
		env.remove(BlasKernel.VARIABLE);
		if (variable != null) env.put(BlasKernel.VARIABLE, variable);
		final Process p = builder.redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		final List<String> lines = out.strip().lines().collect(java.util.stream.Collectors.toList());
		return lines.get(lines.size() - 1).toLowerCase(Locale.ROOT);
	}

	/** Prints the kernel OpenBLAS runs. */
	static final class Probe {

		public static void main(final String[] args) {
			System.out.println(BlasKernel.inUse());
		}
	}
}
