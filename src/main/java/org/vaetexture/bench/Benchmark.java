package org.vaetexture.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessible;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.dense.DenseEncoder;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.BlasKernel;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.TrainingSummary;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.model.VaeNetwork;
import org.vaetexture.train.GaussianNoise;
import org.vaetexture.train.TrainingOptions;

/**
 * The benchmarks behind README's tables. Speed: the reference VAE (tile 32, latent 16, batch 64)
 * on random data, printed with the names of {@code torch_vae.py} so the two can be compared line
 * by line. Novelty: for every case NAME of some folders, trains on NAME-train.tif with the given
 * settings, maps NAME-test.tif and scores it against NAME-mask.tif (pixel AUROC and AP, the mask's
 * precision and recall), next to the raw KL-to-prior map of the same model.
 */
public final class Benchmark {

	private final PrintWriter out;

	public Benchmark(final PrintWriter out) {
		this.out = out;
	}

	/**
	 * Throughput of training, encoder, dense map and sliding windows, about {@code seconds} each;
	 * then, if {@code peer} (the PyTorch script, or null) runs with the system's python3 on
	 * {@code peerThreads}, its figures and the ratios ours / theirs.
	 */
	public void speed(final double seconds, final Path peer, final int peerThreads) {
		final VaeConfig config = VaeConfig.builder().build();
		final VaeNetwork net = VaeNetwork.create(config, 0);
		final INDArray x = random(64, 32, 1), eps = new GaussianNoise(1, 16).next(64);
		final java.util.Map<String, Double> ours = new java.util.LinkedHashMap<>();
		net.fitStep(x, eps, 1e-3);
		out.printf(Locale.ROOT, "jvm_start_to_first_train_step_s %.2f%n", (System.currentTimeMillis() -
			ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3);
		StartupTime.print(out);
		ours.put("train_tiles_per_s", rate(() -> net.fitStep(x, eps, 1e-3), seconds, 64));
		print("train_tiles_per_s", ours.get("train_tiles_per_s"));
		print("train_gflops", gflops(ours.get("train_tiles_per_s"), MultiplyAdds.trainingStep(config)));
		final INDArray xb = random(256, 32, 2);
		ours.put("encode_tiles_per_s", rate(() -> net.encode(xb), seconds, 256));
		print("encode_tiles_per_s", ours.get("encode_tiles_per_s"));
		final VaeModel model = new VaeModel(net, new Normalization(new float[] { 0 }, new float[] {
			1 }), new TrainingSummary(0, 0, 0, 0, 0, false, List.of()), List.of());
		final DenseEncoder dense = new DenseEncoder(model);
		// as torch_vae.py: a random (512 + T - 1)^2 image, whose 512^2 windows lie inside it
		final int n = 512, t = config.tileSize(), side = n + t - 1;
		final float[] pixels = new float[side * side];
		final Random random = new Random(3);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = (float) random.nextGaussian();
		final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views
			.addDimension(ArrayImgs.floats(pixels, side, side), 0, 0));
		final double denseRate = rate(() -> dense.encode(plane, t / 2, t / 2, n, n).close(), seconds,
			(double) n * n);
		print("dense_pixels_per_s", denseRate);
		print("dense_gflops", gflops(denseRate, MultiplyAdds.densePixelPerformed(config)));
		print("dense_direct_equivalent_gflops", gflops(denseRate, MultiplyAdds.densePixel(config)));
		ours.put("dense_pixels_per_s", denseRate);
		final double slidingRate = rate(() -> slidingMap(net, pixels, n, t), seconds, (double) n * n);
		print("sliding_pixels_per_s", slidingRate);
		ours.put("sliding_pixels_per_s", slidingRate);
		try (INDArray map = dense.encode(plane, t / 2, t / 2, n, n)) {
			final float[][] sliding = slidingMap(net, pixels, n, t);
			final double diff = maxAbsDiff(map, sliding);
			out.printf(Locale.ROOT, "dense_max_abs_diff %.2e%n", diff);
			out.printf(Locale.ROOT, "dense_max_rel_diff %.2e%n", diff / maxAbs(sliding));
		}
		print("dense_speedup_over_sliding", denseRate / slidingRate);
		print("peak_sgemm_gflops", sgemmGflops(seconds));
		out.println("blas_kernel " + BlasKernel.inUse());
		StartupTime.printOneDnn(out);
		if (peer != null) peer(peer, seconds, peerThreads, ours);
		out.printf(Locale.ROOT, "peak_rss_mb %.0f%n", peakRssMb());
		out.flush();
	}

	/**
	 * Time and peak memory of a novelty map of a large n x n 8-bit image (a sample texture repeated
	 * by mirroring), with a model trained briefly on the sample.
	 */
	public void large(final Path sample, final int n) {
		final TextureImage texture = ImageFiles.open(sample);
		final VaeModel model = VaeTexture.train(List.of(texture), VaeConfig.builder(), TrainingOptions
			.builder().epochs(1).stepsPerEpoch(8).build(), Monitor.NONE);
		final byte[] pixels = new byte[n * n];
		final net.imglib2.RandomAccess<? extends RealType<?>> ra = Views.extendMirrorSingle(texture
			.data()).randomAccess();
		for (int y = 0, i = 0; y < n; y++)
			for (int x = 0; x < n; x++, i++) {
				ra.setPosition(new long[] { x, y, 0, 0 });
				pixels[i] = (byte) ra.get().getRealFloat();
			}
		final TextureImage big = new TextureImage("large", Views.addDimension(Views.addDimension(
			ArrayImgs.unsignedBytes(pixels, n, n), 0, 0), 0, 0), null);
		final long t0 = System.nanoTime();
		VaeTexture.novelty(model, big, Monitor.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		out.printf(Locale.ROOT, "large_novelty_map %dx%d %.1f s (%.0f pixels/s), peak_rss_mb %.0f%n",
			n, n, s, (double) n * n / s, peakRssMb());
		out.flush();
	}

	/**
	 * Novelty AUROC and AP for every case of the folders, the precision and recall of the model's
	 * mask (its threshold at the calibrated false-positive rate), training and map seconds; then the
	 * means.
	 */
	public void novelty(final String title, final List<Path> folders, final VaeConfig.Builder config,
		final TrainingOptions options) throws IOException
	{
		final List<Path> trains = new java.util.ArrayList<>();
		for (final Path folder : folders)
			try (var s = Files.list(folder)) {
				s.filter(p -> p.getFileName().toString().endsWith("-train.tif")).sorted().forEach(
					trains::add);
			}
		out.printf("%s%n%-22s %8s %8s %9s %8s %10s %8s %8s%n", title, "case", "AUROC", "AP",
			"precision", "recall", "KL AUROC", "train s", "map s");
		final double[] sums = new double[5];
		for (final Path train : trains) {
			final String name = train.getFileName().toString().replace("-train.tif", "");
			final Path folder = train.getParent();
			final TextureImage trainImage = ImageFiles.open(train);
			final long t0 = System.nanoTime();
			final VaeModel model = VaeTexture.train(List.of(trainImage), config, options, Monitor.NONE);
			final double trainSeconds = (System.nanoTime() - t0) / 1e9;
			final TextureImage test = ImageFiles.open(folder.resolve(name + "-test.tif"));
			final boolean[] mask = mask(ImageFiles.open(folder.resolve(name + "-mask.tif")));
			final long t1 = System.nanoTime();
			final Img<FloatType> map = VaeTexture.novelty(model, test, Monitor.NONE);
			final double mapSeconds = (System.nanoTime() - t1) / 1e9;
			final PixelScores novelty = PixelScores.of(values(map), mask);
			final double[] pr = precisionRecall(values(VaeTexture.noveltyMask(model, map)), mask);
			final PixelScores kl = PixelScores.of(values(VaeTexture.kl(model, test, Monitor.NONE)), mask);
			out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f %8.3f %10.3f %8.1f %8.1f%n", name, novelty
				.auroc(), novelty.averagePrecision(), pr[0], pr[1], kl.auroc(), trainSeconds, mapSeconds);
			out.flush();
			final double[] row = { novelty.auroc(), novelty.averagePrecision(), pr[0], pr[1], kl
				.auroc() };
			for (int i = 0; i < sums.length; i++)
				sums[i] += row[i];
		}
		final int n = trains.size();
		out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f %8.3f %10.3f%n", "mean", sums[0] / n, sums[1] /
			n, sums[2] / n, sums[3] / n, sums[4] / n);
		out.flush();
	}

	/** Pixel precision and recall of a 0/1 mask (precision 0 when nothing is flagged). */
	private static double[] precisionRecall(final float[] flagged, final boolean[] positive) {
		long tp = 0, fp = 0, positives = 0;
		for (int i = 0; i < flagged.length; i++) {
			if (positive[i]) positives++;
			if (flagged[i] > 0) {
				if (positive[i]) tp++;
				else fp++;
			}
		}
		return new double[] { tp + fp == 0 ? 0 : (double) tp / (tp + fp), (double) tp / positives };
	}

	private static float[] values(final Img<FloatType> img) {
		final float[] v = new float[(int) img.size()];
		final Cursor<FloatType> c = Views.flatIterable(img).cursor();
		for (int i = 0; i < v.length; i++)
			v[i] = c.next().get();
		return v;
	}

	private static boolean[] mask(final TextureImage image) {
		final boolean[] m = new boolean[image.width() * image.height()];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(Views.hyperSlice(Views.hyperSlice(
			image.data(), 3, 0), 2, 0)).cursor();
		for (int i = 0; i < m.length; i++)
			m[i] = c.next().getRealDouble() > 0;
		return m;
	}

	private static INDArray random(final int n, final int t, final long seed) {
		Nd4j.getRandom().setSeed(seed);
		return Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, 1, t, t);
	}

	private void print(final String name, final double value) {
		out.printf(Locale.ROOT, "%s %.1f%n", name, value);
		out.flush();
	}

	/**
	 * The exact map the slow way, as {@code torch_vae.py}'s sliding(): each of the n^2 windows of a
	 * row-major (n + t - 1)^2 image cut out, encoded in batches of 1024, mu and log-variance
	 * gathered per window, [n^2][2L].
	 */
	private static float[][] slidingMap(final VaeNetwork net, final float[] image, final int n,
		final int t)
	{
		final int side = n + t - 1, batch = 1024;
		final float[][] map = new float[n * n][];
		final float[] windows = new float[batch * t * t];
		for (int start = 0; start < n * n; start += batch) {
			final int m = Math.min(batch, n * n - start);
			for (int i = 0; i < m; i++) {
				final int y = (start + i) / n, x = (start + i) % n;
				for (int r = 0; r < t; r++)
					System.arraycopy(image, (y + r) * side + x, windows, (i * t + r) * t, t);
			}
			try (INDArray w = Nd4j.create(m == batch ? windows : Arrays.copyOf(windows, m * t * t),
				new long[] { m, 1, t, t }, 'c'))
			{
				final INDArray[] posterior = net.encode(w);
				try (INDArray both = Nd4j.concat(1, posterior[0], posterior[1])) {
					final float[] v = both.data().asFloat();
					final int k = (int) both.size(1);
					for (int i = 0; i < m; i++)
						map[start + i] = Arrays.copyOfRange(v, i * k, (i + 1) * k);
				}
				posterior[0].close();
				posterior[1].close();
			}
		}
		return map;
	}

	/** Largest difference between a dense map [2L, n, n] and a sliding one [n^2][2L]. */
	private static double maxAbsDiff(final INDArray dense, final float[][] sliding) {
		final int k = (int) dense.size(0), n2 = sliding.length;
		final float[] d = dense.dup('c').data().asFloat();
		double max = 0;
		for (int j = 0; j < k; j++)
			for (int p = 0; p < n2; p++)
				max = Math.max(max, Math.abs(d[j * n2 + p] - sliding[p][j]));
		return max;
	}

	private static double maxAbs(final float[][] values) {
		double max = 0;
		for (final float[] row : values)
			for (final float v : row)
				max = Math.max(max, Math.abs(v));
		return max;
	}

	/** GFLOP/s of a rate of items that cost {@code multiplyAdds} each. */
	private static double gflops(final double itemsPerSecond, final long multiplyAdds) {
		return itemsPerSecond * 2 * multiplyAdds / 1e9;
	}

	/**
	 * The machine's practical peak on this thread count: GFLOP/s of ND4J's float matrix product of
	 * two 1024 x 1024 matrices, what BLAS libraries come closest to the arithmetic limit with.
	 */
	private static double sgemmGflops(final double seconds) {
		final int n = 1024;
		Nd4j.getRandom().setSeed(5);
		try (INDArray a = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
				INDArray b = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
				INDArray c = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n))
		{
			return rate(() -> a.mmuli(b, c), seconds, 1) * 2.0 * n * n * n / 1e9;
		}
	}

	/**
	 * Items per second of {@code step} over at least {@code seconds}, after {@code seconds / 2} of
	 * warm-up: the JIT compiles ND4J's Java side over the first few dozen training steps (the first
	 * seconds ran at half the steady rate), which a training run of minutes does not see.
	 */
	private static double rate(final Runnable step, final double seconds, final double perStep) {
		final long warm = System.nanoTime();
		do
			step.run();
		while ((System.nanoTime() - warm) / 1e9 < seconds / 2);
		int n = 0;
		final long t0 = System.nanoTime();
		while ((System.nanoTime() - t0) / 1e9 < seconds || n < 3) {
			step.run();
			n++;
		}
		return n * perStep / ((System.nanoTime() - t0) / 1e9);
	}

	/** Runs the PyTorch peer on {@code threads} threads and prints its figures and our ratios to them. */
	private void peer(final Path script, final double seconds, final int threads,
		final java.util.Map<String, Double> ours)
	{
		if (!Files.isRegularFile(script)) {
			out.println("peer: " + script + " not found, no ratios");
			return;
		}
		try {
			// Debian's python3-torch lives with the system python, which may not be first on the PATH
			final String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
				: "python3";
			out.println("torch_config " + peerConfig(python, threads));
			final double cpu0 = childrenCpuSeconds();
			final long t0 = System.nanoTime();
			final Process p = python(python, threads, script.toString(), "--threads", String.valueOf(
				threads), "--seconds", String.valueOf(seconds));
			final String text = new String(p.getInputStream().readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
			if (p.waitFor() != 0) {
				out.println("peer: PyTorch script failed (is python3-torch installed?), no ratios");
				return;
			}
			out.printf(Locale.ROOT, "torch_cores_used %.2f%n", (childrenCpuSeconds() - cpu0) / ((System
				.nanoTime() - t0) / 1e9));
			for (final String line : text.split("\n")) {
				final String[] f = line.trim().split("\\s+");
				if (f.length != 2 || !ours.containsKey(f[0])) continue;
				final double theirs = Double.parseDouble(f[1]);
				out.printf(Locale.ROOT, "torch_%s %.1f  ratio %.2f%n", f[0], theirs, ours.get(f[0]) /
					theirs);
			}
			out.flush();
		}
		catch (final IOException | InterruptedException | NumberFormatException e) {
			out.println("peer: could not run " + script + " (" + e.getMessage() + "), no ratios");
		}
	}

	/** The peer's PyTorch version, threads, oneDNN version and vector instructions, as it reports them. */
	private static String peerConfig(final String python, final int threads) {
		try {
			final Process p = python(python, threads, "-c", "import torch; torch.set_num_threads(" +
				threads + "); print(torch.__version__, 'threads', torch.get_num_threads(), *[l.strip() " +
				"for l in torch.__config__.show().splitlines() if 'MKL-DNN' in l or 'capability' in l])");
			final String text = new String(p.getInputStream().readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8).trim();
			return p.waitFor() == 0 ? text.replaceAll("\\s+", " ") : "unknown";
		}
		catch (final IOException e) {
			return "unknown";
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	/**
	 * Starts python with {@code args} on {@code threads} threads, its error output merged into its
	 * output. {@code OMP_NUM_THREADS} is set: without it PyTorch's OpenMP pool spins on every core
	 * whatever {@code set_num_threads} says.
	 */
	private static Process python(final String python, final int threads, final String... args)
		throws IOException
	{
		final List<String> command = new java.util.ArrayList<>(List.of(python));
		command.addAll(List.of(args));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
		return builder.start();
	}

	/**
	 * CPU seconds of this process's finished children (Linux: utime + stime of those waited for, from
	 * /proc/self/stat, at 100 ticks a second); NaN elsewhere.
	 */
	private static double childrenCpuSeconds() {
		try {
			final String stat = Files.readString(Path.of("/proc/self/stat"));
			final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime
		}
		catch (final IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	/** Peak resident memory of this process (Linux), in MB; NaN elsewhere. */
	public static double peakRssMb() {
		try {
			for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
		}
		catch (final IOException | RuntimeException e) {
			// not Linux
		}
		return Double.NaN;
	}
}
