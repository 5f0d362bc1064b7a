package org.vaetexture.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeNetwork;
import org.vaetexture.train.GaussianNoise;

/**
 * JVM start to first training step in fresh JVMs, plain and with a class-data-sharing archive
 * (JDK's AppCDS: the classes a run loaded, parsed and verified once, mapped by the next runs). The
 * archive is made by one run with {@code -XX:ArchiveClassesAtExit} in a temporary folder, as
 * README tells users to do. Needs this class in a jar: the JVM archives classes from jars only.
 * A probe run with oneDNN's verbose output also tells which instruction set and kernels oneDNN
 * chose for this CPU.
 */
public final class StartupTime {

	private static final String MARK = "first_train_step_s ";

	private static final int RUNS = 3;

	private StartupTime() {}

	/** One probe run: the reference network's first training step, on one thread. */
	public static void main(final String[] args) {
		Backend.useThreads(1);
		final VaeNetwork net = VaeNetwork.create(VaeConfig.builder().build(), 0);
		net.fitStep(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 64, 1, 32, 32),
			new GaussianNoise(1, 16).next(64), 1e-3);
		System.out.printf(Locale.ROOT, "%s%.3f%n", MARK, (System.currentTimeMillis() - ManagementFactory
			.getRuntimeMXBean().getStartTime()) / 1e3);
		System.exit(0); // ND4J's thread pools would keep the JVM up a while
	}

	/** Prints the median of three fresh runs each way, or why there are none. */
	public static void print(final PrintWriter out) {
		final Path jar = ownJar();
		if (jar == null) {
			out.println("fresh_jvm_first_train_step: not run from a jar, no figures");
			return;
		}
		Path dir = null, archive = null;
		try {
			dir = Files.createTempDirectory("vae-texture-cds");
			archive = dir.resolve("vae-texture.jsa");
			probe(jar, "-XX:ArchiveClassesAtExit=" + archive);
			final double[] plain = new double[RUNS], shared = new double[RUNS];
			for (int i = 0; i < RUNS; i++) { // alternating, so a slow spell of the machine hits both
				plain[i] = probe(jar);
				shared[i] = probe(jar, "-XX:SharedArchiveFile=" + archive);
			}
			out.printf(Locale.ROOT, "fresh_jvm_first_train_step_s %.2f%n", median(plain));
			out.printf(Locale.ROOT, "fresh_jvm_first_train_step_cds_s %.2f%n", median(shared));
		}
		catch (final IOException | RuntimeException e) {
			out.println("fresh_jvm_first_train_step: " + e.getMessage());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			delete(archive, dir);
		}
		out.flush();
	}

	/** Seconds to the first training step of a fresh JVM started with {@code options}. */
	private static double probe(final Path jar, final String... options) throws IOException,
		InterruptedException
	{
		final String text = run(jar, false, options);
		for (final String line : text.split("\n"))
			if (line.startsWith(MARK)) return Double.parseDouble(line.substring(MARK.length()).trim());
		throw new IOException("the probe JVM failed: " + text.lines().reduce((a, b) -> b).orElse(""));
	}

	/** The probe's output (error output merged), with oneDNN's verbose lines if {@code verbose}. */
	private static String run(final Path jar, final boolean verbose, final String... options)
		throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty(
			"java.home"), "bin", "java").toString(), "-Xlog:cds*=off"));
		command.addAll(Arrays.asList(options));
		command.addAll(List.of("-cp", jar.toString(), StartupTime.class.getName()));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (verbose) builder.environment().put("DNNL_VERBOSE", "1");
		final Process p = builder.start();
		final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		return text;
	}

	/**
	 * The instruction set oneDNN chose for this CPU and the kernels of a training step's
	 * convolutions, from its verbose lines in one probe run ("ref" kernels would be the slow ones).
	 */
	public static void printOneDnn(final PrintWriter out) {
		final Path jar = ownJar();
		if (jar == null) return;
		try {
			final java.util.Set<String> kernels = new java.util.TreeSet<>();
			String isa = "unknown";
			for (final String line : run(jar, true).split("\n")) {
				final String[] f = line.trim().split(",");
				if (f.length > 3 && f[1].equals("info") && f[3].startsWith("isa:")) isa = f[3].substring(4);
				if (f.length > 5 && f[1].equals("exec") && f[3].contains("convolution")) kernels.add(f[3] +
					" " + f[4] + " " + f[5]);
			}
			out.println("onednn_isa " + isa);
			out.println("onednn_kernels " + String.join("; ", kernels));
		}
		catch (final IOException e) {
			out.println("onednn_isa unknown (" + e.getMessage() + ")");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		out.flush();
	}

	private static Path ownJar() {
		try {
			final Path p = Path.of(StartupTime.class.getProtectionDomain().getCodeSource().getLocation()
				.toURI());
			return Files.isRegularFile(p) ? p : null;
		}
		catch (final URISyntaxException | RuntimeException e) {
			return null;
		}
	}

	private static double median(final double[] values) {
		final double[] v = values.clone();
		Arrays.sort(v);
		return v[v.length / 2];
	}

	/** Deletes the archive, then its folder (nothing else is in it). */
	private static void delete(final Path archive, final Path dir) {
		try {
			if (archive != null) Files.deleteIfExists(archive);
			if (dir != null) Files.deleteIfExists(dir);
		}
		catch (final IOException e) {
			// a temporary file left behind
		}
	}
}
